import { randomUUID } from 'node:crypto';
import type { Admin, IHeaders, Kafka } from 'kafkajs';
import type { RawHeader, RawRecord } from '../../../server/testing/driver-api';
import { topicOffsets } from './broker-retry';

/**
 * Reads every record of the topics, up to the end offsets they have when called, with one consumer
 * in a group of its own (a topic that does not exist is an error). Records come back per topic in
 * (partition, offset) order. Gives up after
 * `timeoutMs` with what it has (a partition whose last offsets are transaction markers never shows
 * them as records).
 */
export async function readTopics(
  kafka: Kafka,
  admin: Admin,
  topics: readonly string[],
  timeoutMs = 10_000,
): Promise<Map<string, RawRecord[]>> {
  const out = new Map<string, RawRecord[]>(topics.map((t) => [t, []]));
  const pending = new Map<string, number>();
  for (const topic of topics) {
    for (const p of await topicOffsets(admin, topic))
      if (p.high > p.low) pending.set(`${topic}/${p.partition}`, p.high);
  }
  if (pending.size === 0) return out;
  const consumer = kafka.consumer({
    groupId: `_kappa-conformance-reader-${randomUUID()}`,
    maxWaitTimeInMs: 100,
    allowAutoTopicCreation: false,
  });
  try {
    await consumer.connect();
    for (const topic of new Set([...pending.keys()].map((k) => k.slice(0, k.lastIndexOf('/')))))
      await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      void consumer.run({
        autoCommit: false,
        eachBatch: async ({ batch }) => {
          const id = `${batch.topic}/${batch.partition}`;
          const end = pending.get(id);
          for (const m of batch.messages) {
            if (end === undefined || Number(m.offset) >= end) break;
            out.get(batch.topic)?.push({
              topic: batch.topic,
              partition: batch.partition,
              offset: Number(m.offset),
              key: m.key,
              value: m.value,
              timestamp: Number(m.timestamp),
              headers: rawHeaders(m.headers),
            });
          }
          const last = batch.messages[batch.messages.length - 1];
          if (
            end !== undefined &&
            (last === undefined ? Number(batch.highWatermark) : Number(last.offset) + 1) >= end
          )
            pending.delete(id);
          if (pending.size === 0) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
  } finally {
    await consumer.disconnect().catch(() => {});
  }
  for (const records of out.values())
    records.sort((a, b) => a.partition - b.partition || a.offset - b.offset);
  return out;
}

/** kafkajs gathers repeated header keys into arrays; the driver's records list them one by one. */
function rawHeaders(headers: IHeaders | undefined): RawHeader[] {
  const out: RawHeader[] = [];
  for (const [key, v] of Object.entries(headers ?? {})) {
    for (const one of Array.isArray(v) ? v : [v])
      out.push({ key, value: one === undefined || one === null ? null : Buffer.from(one) });
  }
  return out;
}
