import { afterAll, describe, expect, inject, it } from 'vitest';
import { uniqueName } from '../../../scripts/testing/unique';
import { silentLogger } from '../../log/logger';
import { createKafka } from '../client';
import type { SourceRecord } from '../record-source';
import { TopicAdmin } from '../topic-admin';
import { KafkaRecordSource } from './kafka-record-source';

const kafka = createKafka({
  bootstrapServers: [inject('kafkaBootstrapServers')],
  clientId: 'kappa-source-test',
  logger: silentLogger,
});
const admin = new TopicAdmin(kafka);
const source = new KafkaRecordSource(kafka, admin, '_kappa-test-transient-', silentLogger);
afterAll(() => admin.close());

describe('KafkaRecordSource', () => {
  it('bounded reads stop at the end offsets; unbounded reads follow new records', async () => {
    const topic = uniqueName('tail');
    await admin.ensure({ name: topic, partitions: 2 });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic,
      messages: ['a', 'b', 'c'].map((v, i) => ({ key: v, value: v, partition: i % 2 })),
    });

    const bounded: SourceRecord[] = [];
    const reader = await source.open(
      [topic],
      { from: 'earliest', bounded: true },
      (records) => void bounded.push(...records),
    );
    await reader.done;
    expect(bounded.map((r) => r.value?.toString()).sort()).toEqual(['a', 'b', 'c']);

    const live: string[] = [];
    const follower = await source.open([topic], { from: 'latest', bounded: false }, (records) => {
      for (const r of records) live.push(r.value?.toString() ?? '');
    });
    await new Promise((r) => setTimeout(r, 1500));
    await producer.send({ topic, messages: [{ key: 'd', value: 'd' }] });
    const deadline = Date.now() + 15_000;
    while (live.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(live).toEqual(['d']);
    await follower.close();
    await producer.disconnect();
  }, 60_000);

  it('starts a tail at an offset or at a time', async () => {
    const topic = uniqueName('seek');
    await admin.ensure({ name: topic, partitions: 1 });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic,
      messages: [0, 1, 2, 3].map((i) => ({ value: `v${i}`, timestamp: String(1000 + i * 1000) })),
    });
    const read = async (options: { fromOffset?: number; fromTimestamp?: number }): Promise<string[]> => {
      const got: string[] = [];
      const reader = await source.open(
        [topic],
        { from: 'earliest', bounded: false, ...options },
        (records) => {
          for (const r of records) got.push(r.value?.toString() ?? '');
        },
      );
      const deadline = Date.now() + 15_000;
      while (got.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      await reader.close();
      return got;
    };
    expect(await read({ fromOffset: 2 })).toEqual(['v2', 'v3']);
    expect(await read({ fromTimestamp: 3000 })).toEqual(['v2', 'v3']);
    await producer.disconnect();
  }, 60_000);

  it('ends a bounded read of a topic written in transactions (commit and abort markers take offsets)', async () => {
    const topic = uniqueName('txn');
    await admin.ensure({ name: topic, partitions: 1 });
    const producer = kafka.producer({ transactionalId: topic, idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const committed = await producer.transaction();
    await committed.send({ topic, messages: [{ value: 'kept' }] });
    await committed.commit();
    const aborted = await producer.transaction();
    await aborted.send({ topic, messages: [{ value: 'dropped' }] });
    await aborted.abort();
    const got: string[] = [];
    const reader = await source.open([topic], { from: 'earliest', bounded: true }, (records) => {
      for (const r of records) got.push(r.value?.toString() ?? '');
    });
    await Promise.race([
      reader.done,
      new Promise((_, reject) => setTimeout(() => reject(new Error('the bounded read never ended')), 15_000)),
    ]);
    expect(got).toEqual(['kept']);
    await producer.disconnect();
  }, 60_000);

  it('rejects a topic that does not exist, and ends at once on an empty topic', async () => {
    await expect(
      source.open([uniqueName('missing')], { from: 'earliest', bounded: true }, () => {}),
    ).rejects.toThrow(/does not exist/);
    const empty = uniqueName('empty');
    await admin.ensure({ name: empty, partitions: 1 });
    const reader = await source.open([empty], { from: 'earliest', bounded: true }, () => {});
    await reader.done;
  }, 30_000);
});
