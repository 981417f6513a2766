/**
 * Fault: two engine processes with one service id share the persistent queries' partitions; one
 * is killed with SIGKILL mid-stream. Its partitions move to the survivor within the consumer
 * session timeout, the at-least-once sink loses nothing, the exactly_once_v2 sink holds every
 * record exactly once, and an engine started afterwards sees the same catalog.
 */
import { afterAll, expect, inject, it } from 'vitest';
import { uniqueName } from '../../scripts/testing/unique';
import { catalogOf } from './support/catalog';
import { startEngine, stopAllEngines } from './support/engine-process';
import { startFeeder } from './support/feeder';
import { connectedProducer, readTopic, testKafka, type TopicReader } from './support/kafka-io';
import { report } from './support/report';
import { ksql, until } from './support/rest';

/** The persistent queries' consumer session timeout (server/kafka/runtime/kafka-persistent-query.ts). */
const SESSION_TIMEOUT_MS = 10_000;
const PARTITIONS = 4;

afterAll(stopAllEngines);

const idOf = (value: string | null): number => Number((JSON.parse(value ?? '{}') as { V?: number }).V);

/** Milliseconds from `killAt` until the sink holds a record produced after the kill from every partition. */
function failoverMs(sink: TopicReader, firstIdAfterKill: number, killAt: number): number {
  let latest = 0;
  for (let p = 0; p < PARTITIONS; p++) {
    const first = sink.records.find(
      (r) => idOf(r.value) >= firstIdAfterKill && idOf(r.value) % PARTITIONS === p,
    );
    if (!first) return Number.NaN;
    latest = Math.max(latest, first.receivedAt - killAt);
  }
  return latest;
}

/** Records this engine's share of a query consumed (DESCRIBE … EXTENDED's total-messages). */
async function consumedBy(url: string, sink: string): Promise<number> {
  const [entity] = (await ksql(url, `DESCRIBE ${sink} EXTENDED;`)) as {
    sourceDescription?: { statistics?: string };
  }[];
  const text = entity?.sourceDescription?.statistics ?? '';
  return Number(/total-messages: (\d+)/.exec(text)?.[1] ?? 0);
}

it('moves the persistent queries of a SIGKILLed engine to the other engine, losing and duplicating nothing', async () => {
  const bootstrap = inject('kafkaBootstrapServers');
  const serviceId = uniqueName('failover');
  const kafka = testKafka(bootstrap);
  const producer = await connectedProducer(kafka);
  const readers: TopicReader[] = [];
  let stopFeeder = async (): Promise<void> => {};
  try {
    const a = await startEngine({ bootstrap, serviceId, name: 'engine-a' });
    const b = await startEngine({ bootstrap, serviceId, name: 'engine-b' });
    await Promise.all([a.waitReady(), b.waitReady()]);
    const p = uniqueName('fo');
    const t = p.toLowerCase();
    await ksql(
      a.url,
      `CREATE STREAM ${p}_SRC (ID STRING KEY, V INT) WITH (KAFKA_TOPIC='${t}_src', VALUE_FORMAT='JSON', PARTITIONS=${PARTITIONS});`,
    );
    await ksql(a.url, `CREATE STREAM ${p}_ALO WITH (KAFKA_TOPIC='${t}_alo') AS SELECT ID, V FROM ${p}_SRC;`, {
      'auto.offset.reset': 'earliest',
    });
    await ksql(a.url, `CREATE STREAM ${p}_EOS WITH (KAFKA_TOPIC='${t}_eos') AS SELECT ID, V FROM ${p}_SRC;`, {
      'auto.offset.reset': 'earliest',
      'processing.guarantee': 'exactly_once_v2',
    });
    const catalogBefore = await catalogOf(b.url);
    const alo = await readTopic(kafka, `${t}_alo`);
    const eos = await readTopic(kafka, `${t}_eos`);
    readers.push(alo, eos);

    const feeder = startFeeder(producer, {
      topic: `${t}_src`,
      partitions: PARTITIONS,
      perTick: 8,
      tickMs: 50,
      key: (i) => `k${i}`,
      value: (i) => ({ V: i }),
    });
    stopFeeder = () => feeder.stop().catch(() => undefined);
    const state = (): string =>
      `(sent ${feeder.sent()}, at-least-once ${alo.records.length}, exactly-once ${eos.records.length})`;
    await until(() => alo.records.length >= 400 && eos.records.length >= 400, 60_000, 'warm-up', state);

    // Both engines do part of the work (so the kill takes partitions away).
    for (const e of [a, b])
      for (const sink of ['ALO', 'EOS']) expect(await consumedBy(e.url, `${p}_${sink}`)).toBeGreaterThan(0);

    const killAt = Date.now();
    await a.kill();
    const firstAfter = feeder.firstIdSentAfter(killAt);
    await until(
      () => failoverMs(alo, firstAfter, killAt) >= 0 && failoverMs(eos, firstAfter, killAt) >= 0,
      6 * SESSION_TIMEOUT_MS,
      'outputs of every partition after the kill',
      state,
    );
    await new Promise((r) => setTimeout(r, 2000));
    await feeder.stop();
    const total = feeder.sent();
    const distinct = (r: TopicReader): number => new Set(r.records.map((x) => idOf(x.value))).size;
    await until(() => distinct(alo) === total && distinct(eos) === total, 90_000, 'complete sinks', state);
    await new Promise((r) => setTimeout(r, 2000)); // a late duplicate would show up by now

    const aloFailover = failoverMs(alo, firstAfter, killAt);
    const eosFailover = failoverMs(eos, firstAfter, killAt);
    report('failover (SIGKILL of one of two engines)', {
      records: total,
      atLeastOnce: { failoverMs: aloFailover, duplicates: alo.records.length - total },
      exactlyOnceV2: { failoverMs: eosFailover, duplicates: eos.records.length - total },
      sessionTimeoutMs: SESSION_TIMEOUT_MS,
    });
    expect(eos.records.length).toBe(total); // nothing twice under exactly_once_v2
    // Detection takes up to the session timeout, then a rebalance and the first batch.
    expect(aloFailover).toBeLessThan(2 * SESSION_TIMEOUT_MS);
    expect(eosFailover).toBeLessThan(2 * SESSION_TIMEOUT_MS);

    // The catalog: the survivor and a newly started engine agree with what was there before.
    expect(await catalogOf(b.url)).toEqual(catalogBefore);
    const c = await startEngine({ bootstrap, serviceId, name: 'engine-c' });
    await c.waitReady();
    expect(await catalogOf(c.url)).toEqual(catalogBefore);
  } finally {
    await stopFeeder();
    await Promise.all(readers.map((r) => r.close()));
    await producer.disconnect();
    await stopAllEngines();
  }
}, 300_000);
