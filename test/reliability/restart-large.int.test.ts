/**
 * Fault: an engine restarts with a large catalog (KAPPA_RELIABILITY_CATALOG_STREAMS streams and
 * a dozen persistent queries) and large state (an aggregation over KAPPA_RELIABILITY_STATE_KEYS
 * keys). Time to ready is reported. Pull queries asked from the moment the process starts are
 * refused (503 / 50302) until the engine is ready and are then complete, never partial; the
 * aggregation carries on from its restored state.
 */
import { afterAll, expect, inject, it } from 'vitest';
import { uniqueName } from '../../scripts/testing/unique';
import { catalogOf } from './support/catalog';
import { startEngine, stopAllEngines } from './support/engine-process';
import { connectedProducer, readTopic, testKafka, type TopicReader } from './support/kafka-io';
import { report } from './support/report';
import { ksql, post, until } from './support/rest';

const STREAMS = Number(process.env.KAPPA_RELIABILITY_CATALOG_STREAMS ?? 500);
const KEYS = Number(process.env.KAPPA_RELIABILITY_STATE_KEYS ?? 100_000);
const QUERIES = 10;

afterAll(stopAllEngines);

const keyName = (i: number): string => `key-${String(i).padStart(8, '0')}`;

it('restarts with a large catalog and large state: time to ready, pull queries never partial', async () => {
  const bootstrap = inject('kafkaBootstrapServers');
  const serviceId = uniqueName('large');
  const kafka = testKafka(bootstrap);
  const producer = await connectedProducer(kafka);
  let sink: TopicReader | undefined;
  try {
    const first = await startEngine({ bootstrap, serviceId, name: 'engine-1' });
    await first.waitReady();
    const p = uniqueName('lg');
    const t = p.toLowerCase();
    const catalogStarted = Date.now();
    for (let from = 0; from < STREAMS; from += 100) {
      const statements = Array.from(
        { length: Math.min(100, STREAMS - from) },
        (_, i) =>
          `CREATE STREAM ${p}_S${from + i} (ID STRING KEY, A INT, B STRING, C ARRAY<STRING>) WITH (KAFKA_TOPIC='${t}_src', VALUE_FORMAT='JSON', PARTITIONS=2);`,
      );
      await ksql(first.url, statements.join('\n'));
    }
    const catalogMs = Date.now() - catalogStarted;
    await ksql(
      first.url,
      `CREATE STREAM ${p}_SRC (K STRING KEY, V BIGINT) WITH (KAFKA_TOPIC='${t}_in', VALUE_FORMAT='JSON', PARTITIONS=2);`,
    );
    for (let q = 0; q < QUERIES; q++)
      await ksql(first.url, `CREATE STREAM ${p}_F${q} AS SELECT K, V FROM ${p}_SRC WHERE V = ${q};`);
    await ksql(
      first.url,
      `CREATE TABLE ${p}_AGG WITH (KAFKA_TOPIC='${t}_agg') AS SELECT K, COUNT(*) AS C FROM ${p}_SRC GROUP BY K;`,
      { 'auto.offset.reset': 'earliest' },
    );
    sink = await readTopic(kafka, `${t}_agg`);
    const fed = Date.now();
    for (let from = 0; from < KEYS; from += 5000)
      await producer.send({
        topic: `${t}_in`,
        messages: Array.from({ length: Math.min(5000, KEYS - from) }, (_, i) => ({
          key: keyName(from + i),
          value: JSON.stringify({ V: 1000 }),
        })),
      });
    const distinct = (): number => new Set(sink?.records.map((r) => r.key)).size;
    await until(
      () => distinct() === KEYS,
      300_000,
      'the aggregation of every key',
      () => `(${distinct()})`,
    );
    const aggregatedMs = Date.now() - fed;
    const catalogBefore = await catalogOf(first.url);
    await first.stop();

    // The restart: pull queries from the first moment.
    const second = await startEngine({ bootstrap, serviceId, name: 'engine-2' });
    const pull = `SELECT K, C FROM ${p}_AGG WHERE K = '${keyName(42)}';`;
    const refusals = new Map<number, number>();
    let firstAnswer: { status: number; text: string; atMs: number } | undefined;
    while (!firstAnswer) {
      const answer = await post(second.url, '/query', { ksql: pull }).catch(() => undefined);
      if (answer && answer.status !== 503) firstAnswer = { ...answer, atMs: Date.now() - second.startedAt };
      else if (answer) {
        const code = (answer.json as { error_code?: number } | undefined)?.error_code ?? 0;
        refusals.set(code, (refusals.get(code) ?? 0) + 1);
      }
      if (Date.now() - second.startedAt > 120_000) throw new Error('no pull query answer within 120 s');
      await new Promise((r) => setTimeout(r, 50));
    }
    const readyMs = await second.waitReady();
    expect([...refusals.keys()].every((code) => code === 50302)).toBe(true);
    expect(firstAnswer.status).toBe(200);
    expect(firstAnswer.text).toContain(`"${keyName(42)}",1]`); // complete: the key's whole count
    expect(await catalogOf(second.url)).toEqual(catalogBefore);

    // The aggregation continues from its restored state (a count of 2, not 1, for key 42).
    const restoredAt = Date.now();
    await producer.send({
      topic: `${t}_in`,
      messages: [{ key: keyName(42), value: JSON.stringify({ V: 1 }) }],
    });
    const counts = (): number[] =>
      (sink?.records ?? []).filter((r) => r.key === keyName(42)).map((r) => JSON.parse(r.value ?? '{}').C);
    await until(() => counts().length >= 2, 120_000, 'the update after the restart');
    expect(counts().at(-1)).toBe(2);
    const restoreLine = second.output.find((l) => l.includes('restored query state'));
    report('restart with a large catalog and large state', {
      streams: STREAMS,
      persistentQueries: QUERIES + 1,
      stateKeys: KEYS,
      buildCatalogMs: catalogMs,
      aggregateAllKeysMs: aggregatedMs,
      timeToReadyMs: readyMs,
      replay: second.output.find((l) => l.includes('Kappa engine ready'))?.replace(/^.*ready /, ''),
      stateRestore: restoreLine?.replace(/^.*partitions=/, 'partitions='),
      firstPullAnswerMs: firstAnswer.atMs,
      refusedBeforeReady: Object.fromEntries(refusals),
      firstUpdateAfterRestartMs: Date.now() - restoredAt,
    });
  } finally {
    await sink?.close();
    await producer.disconnect();
    await stopAllEngines();
  }
}, 600_000);
