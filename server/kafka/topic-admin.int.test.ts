import { inject } from 'vitest';
import { afterAll, describe, expect, it } from 'vitest';
import { uniqueName } from '../../scripts/testing/unique';
import { silentLogger } from '../log/logger';
import { createKafka } from './client';
import { TopicAdmin } from './topic-admin';

const kafka = createKafka({
  bootstrapServers: [inject('kafkaBootstrapServers')],
  clientId: 'kappa-test',
  logger: silentLogger,
});
const admin = new TopicAdmin(kafka);

afterAll(async () => {
  await admin.close();
});

describe('a real broker', () => {
  it('creates a topic, produces to it and consumes back what was produced', async () => {
    const topic = uniqueName('roundtrip');
    expect(await admin.ensure({ name: topic, partitions: 2 })).toBe(true);
    expect(await admin.ensure({ name: topic, partitions: 2 })).toBe(false);
    expect(await admin.partitionCount(topic)).toBe(2);

    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic,
      messages: [
        { key: 'a', value: '{"n":1}', partition: 0 },
        { key: 'b', value: '{"n":2}', partition: 1 },
      ],
    });
    await producer.disconnect();

    const consumer = kafka.consumer({ groupId: uniqueName('g') });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const received: string[] = [];
    await new Promise<void>((resolve) => {
      void consumer.run({
        eachMessage: async ({ message }) => {
          received.push(`${message.key?.toString()}=${message.value?.toString()}`);
          if (received.length === 2) resolve();
        },
      });
    });
    await consumer.disconnect();
    expect(received.sort()).toEqual(['a={"n":1}', 'b={"n":2}']);

    const listed = (await admin.list()).find((t) => t.name === topic);
    expect(listed).toMatchObject({ partitions: 2, messages: 2 });
    await admin.delete([topic]);
  });
});
