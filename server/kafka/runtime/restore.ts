import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import type { Logger } from '../../log/logger';
import type { TopicAdmin } from '../topic-admin';
import type { QueryTask } from './query-task';

/**
 * Rebuilds tasks' state from the query's changelog, reading it up to the end offsets taken now.
 * kafkajs cannot assign partitions by hand, so a throw-away group reads the whole changelog and
 * keeps the assigned partitions' records.
 */
export async function restoreTasks(
  kafka: Kafka,
  admin: TopicAdmin,
  topic: string,
  tasks: readonly QueryTask[],
  log: Logger,
): Promise<void> {
  const ends = await admin.endOffsets(topic);
  const byPartition = new Map(tasks.map((t) => [t.partition, t]));
  const pending = new Set([...byPartition.keys()].filter((p) => (ends.get(p) ?? 0) > 0));
  if (pending.size === 0) return;
  const consumer = kafka.consumer({
    groupId: `_kappa-restore-${randomUUID()}`,
    maxWaitTimeInMs: 100,
    readUncommitted: false,
  });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await new Promise<void>((resolve, reject) => {
    // The changelog of an exactly_once_v2 query can end in transaction markers and aborted records
    // (a writer that died mid-transaction): kafkajs never passes a fetch of only those to
    // eachBatch, so its end offset counts here, or the restore (and the query) waits forever.
    consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
      const end = ends.get(payload.partition) ?? 0;
      if (!pending.has(payload.partition) || Number(payload.lastOffset) < end - 1) return;
      pending.delete(payload.partition);
      if (pending.size === 0) resolve();
    });
    consumer
      .run({
        autoCommit: false,
        eachBatch: async ({ batch }) => {
          const task = byPartition.get(batch.partition);
          const end = ends.get(batch.partition) ?? 0;
          if (!task || !pending.has(batch.partition)) return;
          for (const m of batch.messages) {
            if (Number(m.offset) >= end) break;
            task.restore(m.key, m.value);
          }
          const lastOffset = Number(batch.lastOffset());
          if (lastOffset >= end - 1) pending.delete(batch.partition);
          if (pending.size === 0) resolve();
        },
      })
      .catch(reject);
  });
  await consumer
    .disconnect()
    .catch((error: unknown) => log.debug('restore consumer disconnect failed', { error }));
}
