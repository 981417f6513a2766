import { randomUUID } from 'node:crypto';
import type { Admin, IHeaders, Kafka } from 'kafkajs';
import type { RawHeader, RawRecord } from '../../../server/testing/driver-api';
import { topicOffsets } from './broker-retry';

/**
 * Reads every record of the topics, up to the end offsets they have when called, with one consumer
 * in a group of its own. Records come back per topic in (partition, offset) order. A topic that does
 * not exist, or a read that does not reach the end offsets within `timeoutMs`, is an error: a
 * partial read would be judged as missing outputs.
 */
export async function readTopics(
  kafka: Kafka,
  admin: Admin,
  topics: readonly string[],
  timeoutMs = 20_000,
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
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        const missing = [...pending.keys()].join(', ');
        reject(
          new Error(`reading the outputs timed out after ${timeoutMs} ms (not read to the end: ${missing})`),
        );
      }, timeoutMs);
      // Done per partition once a batch reached its end offset. END_BATCH_PROCESS also reports
      // batches of transaction markers only, which eachBatch never sees.
      consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
        const id = `${payload.topic}/${payload.partition}`;
        const end = pending.get(id);
        if (end === undefined || Number(payload.lastOffset) < end - 1) return;
        pending.delete(id);
        if (pending.size === 0) {
          clearTimeout(timer);
          resolve();
        }
      });
      void consumer.run({
        autoCommit: false,
        eachBatch: async ({ batch }) => {
          const end = pending.get(`${batch.topic}/${batch.partition}`);
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
