/** Reads a whole topic up to its current end, for the correctness checks (outside timed windows). */
import type { Kafka } from 'kafkajs';
import { BenchAdmin } from './topics';

export interface OutputRecord {
  readonly key: Buffer | null;
  readonly value: Buffer | null;
}

export async function readTopic(
  kafka: Kafka,
  topic: string,
  each: (r: OutputRecord) => void,
  timeoutMs = 300_000,
): Promise<number> {
  const admin = new BenchAdmin(kafka);
  const ends = await admin.endOffsets(topic);
  await admin.close();
  const remaining = new Map([...ends].filter(([, high]) => high > 0));
  if (remaining.size === 0) return 0;
  let read = 0;
  const consumer = kafka.consumer({
    groupId: `bench-reader-${topic}-${process.pid}-${Date.now()}`,
    maxBytesPerPartition: 4 << 20,
    maxWaitTimeInMs: 100,
  });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`reading ${topic} timed out after ${read} records`)),
        timeoutMs,
      );
      void consumer.run({
        autoCommit: false,
        eachBatch: async ({ batch }) => {
          const high = remaining.get(batch.partition);
          if (high === undefined) return;
          for (const m of batch.messages) {
            if (Number(m.offset) >= high) break;
            each({ key: m.key, value: m.value });
            read++;
          }
          const last = batch.messages[batch.messages.length - 1];
          if (last && Number(last.offset) + 1 >= high) remaining.delete(batch.partition);
          if (remaining.size === 0) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
  } finally {
    await consumer.disconnect().catch(() => undefined);
  }
  return read;
}
