/**
 * Bad input: a flood of poison records — bad keys and bad values in every supported format (JSON,
 * KAFKA, DELIMITED) — into the sources of persistent queries of a real engine process. Every good
 * record before and after the flood reaches the sinks, every bad one reaches the processing-log
 * topic (the engine's own log gets a sample), and the engine stays healthy without long stalls.
 * The per-format error shapes, counters and KSQL_PROCESSING_LOG fields are tested in
 * server/engine/processing-log.int.test.ts.
 */
import { afterAll, expect, inject, it } from 'vitest';
import { uniqueName } from '../../scripts/testing/unique';
import { processingLogTopic } from '../../server/kafka/processing-log';
import { startEngine, stopAllEngines } from './support/engine-process';
import { connectedProducer, readTopic, testKafka, type TopicReader } from './support/kafka-io';
import { report } from './support/report';
import { ksql, until } from './support/rest';

const FLOOD = Number(process.env.KAPPA_RELIABILITY_POISON_FLOOD ?? 5000);

afterAll(stopAllEngines);

const int32 = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};

interface Source {
  readonly name: string;
  readonly columns: string;
  readonly formats: string;
  readonly good: (i: number) => { key: Buffer | string; value: Buffer | string };
  /** Alternately a bad key with a good value and a good key with a bad value. */
  readonly poison: (i: number) => { key: Buffer | string; value: Buffer | string };
}

it('carries on through a flood of poison keys and values in every format', async () => {
  const bootstrap = inject('kafkaBootstrapServers');
  const serviceId = uniqueName('poison');
  const engine = await startEngine({ bootstrap, serviceId, env: { KAPPA_LOG_LEVEL: 'info' } });
  const kafka = testKafka(bootstrap);
  const producer = await connectedProducer(kafka);
  const readers: TopicReader[] = [];
  try {
    await engine.waitReady();
    const p = uniqueName('PF');
    const sources: Source[] = [
      {
        name: `${p}_JSON`,
        columns: 'K STRING KEY, V INT',
        formats: "KEY_FORMAT='JSON', VALUE_FORMAT='JSON'",
        good: (i) => ({ key: `"k${i}"`, value: JSON.stringify({ V: i }) }),
        poison: (i) =>
          i % 2 ? { key: '{"not": json', value: '{"V": 1}' } : { key: '"k"', value: '{"V": "NaN!"}' },
      },
      {
        name: `${p}_KAFKA`,
        columns: 'K INT KEY, V INT',
        formats: "KEY_FORMAT='KAFKA', VALUE_FORMAT='KAFKA'",
        good: (i) => ({ key: int32(i), value: int32(i) }),
        poison: (i) =>
          i % 2 ? { key: Buffer.from([1, 2]), value: int32(1) } : { key: int32(1), value: Buffer.from([9]) },
      },
      {
        name: `${p}_DELIM`,
        columns: 'K STRING KEY, V INT, S STRING',
        formats: "KEY_FORMAT='DELIMITED', VALUE_FORMAT='DELIMITED'",
        good: (i) => ({ key: `k${i}`, value: `${i},s` }),
        poison: (i) => (i % 2 ? { key: 'a,b,c', value: '1,s' } : { key: 'k', value: 'not-a-number,s' }),
      },
    ];
    for (const s of sources) {
      await ksql(
        engine.url,
        `CREATE STREAM ${s.name} (${s.columns}) WITH (KAFKA_TOPIC='${s.name.toLowerCase()}', ${s.formats}, PARTITIONS=1);
         CREATE STREAM ${s.name}_OUT WITH (KAFKA_TOPIC='${s.name.toLowerCase()}_out', VALUE_FORMAT='JSON') AS SELECT K, V FROM ${s.name};`,
        { 'auto.offset.reset': 'earliest' },
      );
      readers.push(await readTopic(kafka, `${s.name.toLowerCase()}_out`));
    }
    const send = (s: Source, records: { key: Buffer | string; value: Buffer | string }[]) =>
      producer.send({ topic: s.name.toLowerCase(), messages: records });
    for (const s of sources) await send(s, [0, 1, 2].map(s.good));
    engine.markPhase();
    const started = Date.now();
    for (const s of sources)
      for (let from = 0; from < FLOOD; from += 1000)
        await send(
          s,
          Array.from({ length: Math.min(1000, FLOOD - from) }, (_, i) => s.poison(from + i)),
        );
    for (const s of sources) await send(s, [3, 4, 5].map(s.good));

    const values = (r: TopicReader): number[] =>
      r.records.map((x) => (JSON.parse(x.value ?? '{}') as { V: number }).V);
    await until(
      () => readers.every((r) => values(r).length >= 6),
      120_000,
      'the good records after the flood',
      () => readers.map((r) => values(r).length).join(','),
    );
    const throughMs = Date.now() - started;
    for (const r of readers) expect(values(r)).toEqual([0, 1, 2, 3, 4, 5]);

    const processingLog = await readTopic(kafka, processingLogTopic(serviceId));
    readers.push(processingLog);
    await until(
      () => processingLog.records.length > 0,
      30_000,
      'processing log records',
      () =>
        engine.output
          .filter((l) => /processing|could not/.test(l) && !l.includes('bad record skipped'))
          .join('\n'),
    );
    // Every entry is written (the writer's queue keeps the newest 10,000 if it ever falls behind).
    let seen = -1;
    await until(
      async () => {
        const now = processingLog.records.length;
        const stable = now === seen;
        seen = now;
        await new Promise((r) => setTimeout(r, 1000));
        return stable;
      },
      60_000,
      'the processing log to settle',
    );
    const loop = engine.samples.at(-1)?.phase;
    const health = (await (await fetch(`${engine.url}/healthcheck`)).json()) as { isHealthy: boolean };
    const warnings = engine.output.filter((l) => l.includes('bad record skipped')).length;
    report('poison flood', {
      poisonRecords: FLOOD * sources.length,
      goodRecordsThroughMs: throughMs,
      processingLogRecords: processingLog.records.length,
      engineLogLinesForBadRecords: warnings,
      eventLoopDelayMs: loop,
    });
    expect(health.isHealthy).toBe(true);
    expect(processingLog.records.length).toBeGreaterThanOrEqual(Math.min(FLOOD * sources.length, 10_000));
    expect(warnings).toBeLessThanOrEqual(10 * sources.length); // a sample, not a line per record
    // The flood is decoded as fast as Kafka delivers it, in batches, so the loop is busy for a
    // moment (p99 50–100 ms on 2 cores, reported above); what must never happen is a long stall.
    expect(loop?.max ?? Infinity).toBeLessThan(1000);
  } finally {
    await Promise.all(readers.map((r) => r.close()));
    await producer.disconnect();
    await stopAllEngines();
  }
}, 300_000);
