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
