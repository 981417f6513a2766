import { randomUUID } from 'node:crypto';
import type { Consumer, Kafka } from 'kafkajs';
import type { Logger } from '../../log/logger';
import type { BatchHandler, ReadOptions, RecordReader, RecordSource, SourceRecord } from '../record-source';
import type { TopicAdmin } from '../topic-admin';

/**
 * Reads topics for transient queries with a kafkajs consumer in a group of its own (kafkajs has
 * no manual partition assignment), never committing offsets. Bounded reads stop at the end
 * offsets captured when they start.
 */
export class KafkaRecordSource implements RecordSource {
  constructor(
    private readonly kafka: Kafka,
    private readonly admin: TopicAdmin,
    private readonly groupPrefix: string,
    private readonly log: Logger,
  ) {}

  async open(topics: readonly string[], options: ReadOptions, onBatch: BatchHandler): Promise<RecordReader> {
    const ends = new Map<string, Map<number, number>>();
    for (const t of topics) {
      if (!(await this.admin.exists(t))) throw new Error(`Topic '${t}' does not exist`);
      ends.set(t, await this.admin.endOffsets(t));
    }
    const positions = new Map<string, number>();
    const key = (t: string, p: number): string => `${t}/${p}`;
    const highWatermarks = new Map<string, number>();
    const remaining = (): number => {
      let n = 0;
      for (const [t, parts] of ends) {
        for (const [p, end] of parts) {
          const pos = positions.get(key(t, p)) ?? (options.from === 'earliest' ? 0 : end);
          n += Math.max(0, end - pos);
        }
      }
      return n;
    };
    let resolveDone: () => void = () => {};
    const done = new Promise<void>((r) => (resolveDone = r));
    const consumer: Consumer = this.kafka.consumer({
      groupId: `${this.groupPrefix}${randomUUID()}`,
      maxWaitTimeInMs: 250,
      // After a broker outage the restarted consumer joins as a new member and waits for the old
      // member's session to expire: this bounds how long a push query stays silent afterwards.
      sessionTimeout: 10_000,
      heartbeatInterval: 1000,
      allowAutoTopicCreation: false,
    });
    let paused = false;
    let crashed = false;
    // kafkajs restarts a crashed consumer (a broker outage) in a fresh group member with no
    // committed offsets and no paused topics: resume where delivery stopped, neither from the
    // beginning again (duplicate rows) nor from the end (lost rows), and keep a pause in force.
    consumer.on(consumer.events.CRASH, () => {
      crashed = true;
    });
    consumer.on(consumer.events.GROUP_JOIN, () => {
      if (!crashed) return;
      for (const [t, parts] of ends) {
        for (const [partition, end] of parts) {
          const offset =
            positions.get(key(t, partition)) ??
            options.offsets?.get(partition) ??
            (options.from === 'latest' && !options.bounded ? end : undefined);
          if (offset !== undefined) consumer.seek({ topic: t, partition, offset: String(offset) });
        }
      }
      if (paused) consumer.pause(topics.map((topic) => ({ topic })));
    });
    let closed = false;
    const close = async (): Promise<void> => {
      if (closed) return;
      closed = true;
      resolveDone();
      await consumer
        .disconnect()
        .catch((error: unknown) => this.log.debug('consumer disconnect failed', { error }));
    };
    if (options.bounded && remaining() === 0 && topicsAreEmptyFromStart(ends, options)) {
      resolveDone();
      return { pause: () => {}, resume: () => {}, close: async () => {}, done, lag: () => 0 };
    }
    await consumer.connect();
    for (const t of topics)
      await consumer.subscribe({ topic: t, fromBeginning: options.from === 'earliest' || options.bounded });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: true,
      eachBatch: async ({ batch, isRunning }) => {
        if (closed || !isRunning()) return;
        highWatermarks.set(key(batch.topic, batch.partition), Number(batch.highWatermark));
        const end = ends.get(batch.topic)?.get(batch.partition) ?? Number.POSITIVE_INFINITY;
        const records: SourceRecord[] = [];
        for (const m of batch.messages) {
          const offset = Number(m.offset);
          if (options.bounded && offset >= end) break;
          const timestamp = Number(m.timestamp);
          if (options.fromTimestamp !== undefined && timestamp < options.fromTimestamp) continue;
          records.push({
            topic: batch.topic,
            partition: batch.partition,
            offset,
            key: m.key,
            value: m.value,
            timestamp,
            headers: m.headers ?? {},
          });
        }
        const last = batch.messages[batch.messages.length - 1];
        if (last) positions.set(key(batch.topic, batch.partition), Number(last.offset) + 1);
        if (records.length > 0) await onBatch(records);
        if (options.bounded && remaining() === 0) await close();
      },
    });
    // A fetch may end in (or hold only) transaction markers and aborted records: kafkajs passes
    // such a batch to eachBatch without them, or not at all, yet they take offsets. Without
    // moving past them a bounded read of a topic written in transactions (an exactly_once_v2
    // sink) never reached its end offsets, and a pull query on it never answered.
    consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
      if (closed) return;
      const at = key(payload.topic, payload.partition);
      const next = Number(payload.lastOffset) + 1;
      if (next > (positions.get(at) ?? 0)) positions.set(at, next);
      if (options.bounded && remaining() === 0) void close();
    });
    // Topic tails from an offset or a time seek there instead of reading everything before it.
    for (const t of topics) {
      const starts =
        options.fromTimestamp !== undefined
          ? await this.admin.offsetsForTimestamp(t, options.fromTimestamp)
          : options.fromOffset !== undefined
            ? new Map(
                [...(ends.get(t) ?? new Map<number, number>()).keys()].map((p) => [p, options.fromOffset!]),
              )
            : undefined;
      for (const [partition, offset] of starts ?? []) {
        const end = ends.get(t)?.get(partition) ?? offset;
        consumer.seek({ topic: t, partition, offset: String(Math.min(offset, end)) });
      }
    }
    if (options.offsets) {
      for (const t of topics)
        for (const [partition, offset] of options.offsets)
          consumer.seek({ topic: t, partition, offset: String(offset) });
    }
    return {
      pause: () => {
        paused = true;
        consumer.pause(topics.map((topic) => ({ topic })));
      },
      resume: () => {
        paused = false;
        consumer.resume(topics.map((topic) => ({ topic })));
      },
      close,
      done,
      lag: () => {
        let n = 0;
        for (const [k, hw] of highWatermarks) n += Math.max(0, hw - (positions.get(k) ?? hw));
        return n;
      },
    };
  }
}

function topicsAreEmptyFromStart(ends: Map<string, Map<number, number>>, options: ReadOptions): boolean {
  if (options.offsets || options.fromTimestamp !== undefined) return false;
  for (const parts of ends.values()) for (const end of parts.values()) if (end > 0) return false;
  return true;
}
