import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TypedKsqlEntitySchema } from '../../lib/contracts/ksql-entities';
import { uniqueName } from '../../scripts/testing/unique';
import { ClusterProbe } from '../kafka/cluster-probe';
import { createKafka } from '../kafka/client';
import { processingLogTopic } from '../kafka/processing-log';
import { KafkaQueryRuntime } from '../kafka/runtime/kafka-query-runtime';
import { KafkaRecordSource } from '../kafka/runtime/kafka-record-source';
import { TopicAdmin } from '../kafka/topic-admin';
import { silentLogger, type Logger } from '../log/logger';
import { EngineHealth } from './health';
import { startKafkaEngine, type RunningKafkaEngine } from './kafka-engine';
import { createProcessingLog, type ProcessingLog } from './processing-log-setup';
import type { ResultRow } from './queries/query-handle';
import { TransientQueries } from './queries/transient-queries';
import { statisticsFromRuntime } from './runtime-statistics';

/**
 * Bad data never stops a query (issue 5): poison records in every format are skipped, counted per
 * query (runtime stats, DESCRIBE EXTENDED, SHOW QUERIES EXTENDED) and written to KSQL_PROCESSING_LOG with
 * ksqlDB's fields, while the good records before and after them all reach the sinks.
 */
const bootstrap = inject('kafkaBootstrapServers');
const kafka = createKafka({
  bootstrapServers: [bootstrap],
  clientId: 'kappa-poison-test',
  logger: silentLogger,
});
const serviceId = uniqueName('poison');
const p = uniqueName('p').toUpperCase();
const warnings: string[] = [];
const log: Logger = {
  ...silentLogger,
  warn: (message, fields) => void warnings.push(`${message} ${JSON.stringify(fields ?? {})}`),
  child: () => log,
};

let running: RunningKafkaEngine;
let runtime: KafkaQueryRuntime;
let processingLog: ProcessingLog;
const admin = new TopicAdmin(kafka);
const producer = kafka.producer();

beforeAll(async () => {
  processingLog = createProcessingLog({ kafka, serviceId, log });
  runtime = new KafkaQueryRuntime(kafka, admin, serviceId, silentLogger, processingLog.onError);
  running = await startKafkaEngine({
    kafka,
    serviceId,
    log: silentLogger,
    health: new EngineHealth(new ClusterProbe(kafka, 60_000), serviceId, bootstrap),
    bootstrapServers: bootstrap,
    runtime: () => runtime,
    statistics: statisticsFromRuntime(runtime),
    transient: (state, services) =>
      new TransientQueries(
        state,
        new KafkaRecordSource(kafka, services.admin, `_kappa-${serviceId}_transient_`, silentLogger),
        { now: () => Date.now() },
        { maxPushQueries: 10, defaultOffsetReset: 'earliest' },
      ),
  });
  await processingLog.start(running.engine);
  await producer.connect();
}, 60_000);

afterAll(async () => {
  await producer.disconnect();
  await runtime.stopAll();
  await processingLog.close();
  await running.stop();
  await admin.close();
});

type Value = Buffer | string | null;
const send = (topic: string, values: readonly Value[]) =>
  producer.send({ topic, messages: values.map((value) => ({ key: null, value })) });

/** Rows of a push query until `count` arrived (or 20 s). */
async function collect(sql: string, count: number): Promise<ResultRow[]> {
  const handle = await running.engine.query(sql, { properties: { 'auto.offset.reset': 'earliest' } });
  const rows: ResultRow[] = [];
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 20_000);
    handle.start({
      rows: (batch) => {
        rows.push(...batch);
        if (rows.length >= count) {
          clearTimeout(timer);
          resolve();
        }
      },
      end: () => resolve(),
    });
  });
  await handle.close();
  return rows;
}

describe('poison records over a real broker', () => {
  it('are skipped, counted and logged to KSQL_PROCESSING_LOG while the queries go on', async () => {
    const int = (n: number, bytes = 4): Buffer => {
      const b = Buffer.alloc(bytes);
      if (bytes === 4) b.writeInt32BE(n);
      return b;
    };
    const json = `${p}_JSON`;
    const kafkaFormat = `${p}_KAFKA`;
    const delimited = `${p}_DELIM`;
    await running.engine.execute(`
      CREATE STREAM ${json} (v INT, s STRING) WITH (KAFKA_TOPIC='${json}', VALUE_FORMAT='JSON', PARTITIONS=1);
      CREATE STREAM ${kafkaFormat} (v INT) WITH (KAFKA_TOPIC='${kafkaFormat}', VALUE_FORMAT='KAFKA', PARTITIONS=1);
      CREATE STREAM ${delimited} (v INT, s STRING) WITH (KAFKA_TOPIC='${delimited}', VALUE_FORMAT='DELIMITED', PARTITIONS=1);
      CREATE STREAM ${json}_OUT AS SELECT v, UCASE(s) AS s FROM ${json};
      CREATE STREAM ${kafkaFormat}_OUT AS SELECT v * 10 AS v FROM ${kafkaFormat};
      CREATE STREAM ${delimited}_OUT AS SELECT v, s FROM ${delimited};
    `);

    await send(json, ['{"v": 1, "s": "a"}', '{"v": 2, "s": "b"}']);
    await send(kafkaFormat, [int(1), int(2)]);
    await send(delimited, ['1,a', '2,b']);
    // One poison per way a value can be bad: malformed JSON, a JSON value that does not fit the
    // column type, KAFKA INT bytes of the wrong size, DELIMITED with too few columns.
    await send(json, ['{"v": 3, "s": ', '{"v": "not a number", "s": "x"}']);
    await send(kafkaFormat, [int(0, 2)]);
    await send(delimited, ['3']);
    await send(json, ['{"v": 4, "s": "d"}']);
    await send(kafkaFormat, [int(4)]);
    await send(delimited, ['4,d']);

    const sinkRows = async (sink: string, n: number) =>
      (await collect(`SELECT * FROM ${sink} EMIT CHANGES LIMIT ${n};`, n)).map((r) => r.values);
    expect(await sinkRows(`${json}_OUT`, 3)).toEqual([
      [1, 'A'],
      [2, 'B'],
      [4, 'D'],
    ]);
    expect(await sinkRows(`${kafkaFormat}_OUT`, 3)).toEqual([[10], [20], [40]]);
    expect(await sinkRows(`${delimited}_OUT`, 3)).toEqual([
      [1, 'a'],
      [2, 'b'],
      [4, 'd'],
    ]);

    // Counted per query by the runtime, shown by DESCRIBE EXTENDED and SHOW QUERIES EXTENDED.
    const queries = running.state.catalog().queries();
    const queryOf = (sink: string): string => queries.find((q) => q.sink === sink)!.id;
    const expectedErrors = { [`${json}_OUT`]: 2, [`${kafkaFormat}_OUT`]: 1, [`${delimited}_OUT`]: 1 };
    const stats = (sink: string) => runtime.stats(queryOf(sink))!;
    for (const [sink, errors] of Object.entries(expectedErrors)) {
      expect(stats(sink).errors, sink).toBe(errors);
      expect(stats(sink).processed, sink).toBe(3 + errors);
      expect(stats(sink).lastError?.message, sink).toBeTruthy();
    }
    const [described] = await running.engine.execute(`DESCRIBE ${json} EXTENDED;`);
    expect(JSON.stringify(described)).toContain('total-errors: 2');
    const [shown] = await running.engine.execute('SHOW QUERIES EXTENDED;');
    const entity = TypedKsqlEntitySchema.parse(shown);
    if (entity['@type'] !== 'query_descriptions') throw new Error(`unexpected ${entity['@type']}`);
    const descriptions = entity.queryDescriptions;
    const lastError = descriptions.find((d) => d.id === queryOf(`${json}_OUT`))?.queryErrors?.[0];
    expect(lastError).toMatchObject({ errorMessage: stats(`${json}_OUT`).lastError?.message });

    // Logged: a warning per record, and one KSQL_PROCESSING_LOG row each with ksqlDB's fields.
    expect(warnings.filter((w) => w.startsWith('bad record skipped'))).toHaveLength(4);
    const logged = await collect('SELECT * FROM KSQL_PROCESSING_LOG EMIT CHANGES LIMIT 4;', 4);
    const entries = logged.map((r) => {
      const [logger, level, time, message] = r.values as [string, string, number, Record<string, unknown>];
      return { logger, level, time, message };
    });
    expect(entries).toHaveLength(4);
    const topics: string[] = [];
    for (const e of entries) {
      expect(e.level).toBe('ERROR');
      expect(e.time).toBeGreaterThan(Date.now() - 120_000);
      expect(e.message.TYPE).toBe(0); // DESERIALIZATIONERROR
      const d = e.message.DESERIALIZATIONERROR as Record<string, unknown>;
      expect(d.TARGET).toBe('value');
      expect(typeof d.ERRORMESSAGE).toBe('string');
      expect(d.ERRORMESSAGE).not.toBe('');
      expect(d.RECORDB64).toBeNull(); // ksql.logging.processing.rows.include is off
      expect(e.message.RECORDPROCESSINGERROR).toBeNull();
      topics.push(String(d.topic));
      expect(e.logger).toMatch(/^processing\.CSAS_/);
    }
    expect(topics.sort()).toEqual([delimited, json, json, kafkaFormat].sort());
    console.log(
      'processing log:',
      entries.map(
        (e) => `${e.logger}: ${(e.message.DESERIALIZATIONERROR as { ERRORMESSAGE: string }).ERRORMESSAGE}`,
      ),
    );

    // The stream exists once, over the service's topic, and a second start does not recreate it.
    expect(running.state.catalog().source('KSQL_PROCESSING_LOG')?.topic).toBe(processingLogTopic(serviceId));
    const before = running.engine.commandSequenceNumber();
    await processingLog.start(running.engine);
    expect(running.engine.commandSequenceNumber()).toBe(before);
  }, 120_000);
});
