import type { Producer } from 'kafkajs';
import type { OutRecord } from './query-task';

/** The messages of one kafkajs send, as sendBatch takes them. */
export interface OutMessage {
  key: Buffer | null;
  value: Buffer | null;
  partition: number;
  timestamp: string;
  headers?: Record<string, Buffer | string | (Buffer | string)[] | undefined>;
}

/**
 * kafkajs groups a send's messages by partition with an array spread per message, which is
 * quadratic in the send's size (about 10 µs per record at 4,000 records, 2.6 µs at 500; see
 * bench/RESULTS.md). A fetched batch's outputs therefore go out in sends of at most SEND_CHUNK
 * records, one after the other: the same records, order and partitions.
 */
const SEND_CHUNK = 500;

export async function sendInChunks(
  records: OutRecord[],
  send: (chunk: OutRecord[]) => Promise<unknown>,
): Promise<void> {
  if (records.length <= SEND_CHUNK) {
    if (records.length > 0) await send(records);
    return;
  }
  for (let i = 0; i < records.length; i += SEND_CHUNK) await send(records.slice(i, i + SEND_CHUNK));
}

/** Output records as kafkajs sendBatch topicMessages, in order per topic. */
export function group(records: readonly OutRecord[]): { topic: string; messages: OutMessage[] }[] {
  const byTopic = new Map<string, OutMessage[]>();
  for (const r of records) {
    const list = byTopic.get(r.topic) ?? [];
    list.push({
      key: r.key,
      value: r.value,
      partition: r.partition,
      timestamp: String(r.timestamp),
      ...(r.headers ? { headers: { ...r.headers } } : {}),
    });
    byTopic.set(r.topic, list);
  }
  return [...byTopic.entries()].map(([topic, messages]) => ({ topic, messages }));
}

export type OffsetCommit = { topic: string; partition: number; offset: string };

/** Where a processed batch goes: one transaction (exactly_once_v2), or a produce then a commit. */
export type BatchTarget =
  | { readonly producer: Producer; readonly transactionFor: string }
  | { readonly producer: Producer; readonly commit: (offsets: readonly OffsetCommit[]) => Promise<void> };

/**
 * Writes what a batch produced and the input offsets after it. Under exactly_once_v2 all of it is
 * one Kafka transaction (offsets sent to the group `transactionFor`); otherwise outputs, then
 * changelog records, then the offsets are committed (at least once).
 */
export async function writeBatch(
  target: BatchTarget,
  outputs: OutRecord[],
  changelog: OutRecord[],
  offsets: readonly OffsetCommit[],
): Promise<void> {
  const { producer } = target;
  if ('transactionFor' in target) {
    const byTopic = new Map<string, { partition: number; offset: string }[]>();
    for (const { topic, partition, offset } of offsets)
      byTopic.set(topic, [...(byTopic.get(topic) ?? []), { partition, offset }]);
    const txn = await producer.transaction();
    try {
      if (outputs.length + changelog.length > 0)
        await sendInChunks([...outputs, ...changelog], (chunk) =>
          txn.sendBatch({ topicMessages: group(chunk) }),
        );
      await txn.sendOffsets({
        consumerGroupId: target.transactionFor,
        topics: [...byTopic].map(([topic, partitions]) => ({ topic, partitions })),
      });
      await txn.commit();
    } catch (error) {
      await txn.abort().catch(() => undefined);
      throw error;
    }
    return;
  }
  const send = (chunk: OutRecord[]) => producer.sendBatch({ topicMessages: group(chunk), acks: -1 });
  await sendInChunks(outputs, send);
  await sendInChunks(changelog, send);
  await target.commit(offsets);
}
