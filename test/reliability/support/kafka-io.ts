/**
 * Kafka input and output for the reliability suite: a producer that feeds source topics, and a
 * reader that collects a sink topic from the beginning (read_committed by default, as an
 * exactly-once consumer would read it).
 */
import { randomUUID } from 'node:crypto';
import type { Consumer, Kafka, Producer } from 'kafkajs';
import { createKafka } from '../../../server/kafka/client';
import { silentLogger } from '../../../server/log/logger';

export interface TopicRecord {
  readonly key: string | null;
  readonly value: string | null;
  readonly partition: number;
  readonly offset: number;
  /** When the reader received it (epoch ms): how long outputs took to appear. */
  readonly receivedAt: number;
}

export function testKafka(bootstrap: string, clientId = 'kappa-reliability'): Kafka {
  return createKafka({ bootstrapServers: [bootstrap], clientId, logger: silentLogger });
}

export async function connectedProducer(kafka: Kafka): Promise<Producer> {
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  return producer;
}

export async function produce(
  producer: Producer,
  topic: string,
  records: readonly { key: string; value: unknown; partition?: number }[],
): Promise<void> {
  await producer.send({
    topic,
    acks: -1,
    messages: records.map((r) => ({
      key: r.key,
      value: typeof r.value === 'string' ? r.value : JSON.stringify(r.value),
      ...(r.partition !== undefined ? { partition: r.partition } : {}),
    })),
  });
}

/** A consumer of `topic` from its beginning that keeps every record it reads until closed. */
export interface TopicReader {
  readonly records: TopicRecord[];
  close(): Promise<void>;
}

export async function readTopic(
  kafka: Kafka,
  topic: string,
  options: { readUncommitted?: boolean } = {},
): Promise<TopicReader> {
  const records: TopicRecord[] = [];
  // A reader whose consumer restarts (a broker outage) reads from the beginning again: keep each
  // record once, so duplicates found are the engine's, not the reader's.
  const seen = new Set<string>();
  const consumer: Consumer = kafka.consumer({
    groupId: `_reliability-reader-${randomUUID()}`,
    readUncommitted: options.readUncommitted ?? false,
    maxWaitTimeInMs: 200,
    // Short: after a broker restart a new member waits for the old one's session to expire.
    sessionTimeout: 6_000,
    heartbeatInterval: 500,
    allowAutoTopicCreation: false,
  });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ partition, message }) => {
      const at = `${partition}/${message.offset}`;
      if (seen.has(at)) return;
      seen.add(at);
      records.push({
        key: message.key?.toString('utf8') ?? null,
        value: message.value?.toString('utf8') ?? null,
        partition,
        offset: Number(message.offset),
        receivedAt: Date.now(),
      });
    },
  });
  return { records, close: () => consumer.disconnect().catch(() => undefined) };
}
