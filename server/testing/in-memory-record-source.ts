import type {
  BatchHandler,
  ReadOptions,
  RecordReader,
  RecordSource,
  SourceRecord,
} from '../kafka/record-source';
import type { RawRecord } from './driver-api';
import type { InMemoryTopics } from './in-memory-topics';
import { toKafkaHeaders } from './raw-headers';

/**
 * Transient queries over the driver's in-memory topics. Delivery is asynchronous (like a real
 * consumer), in append order, and respects pause/resume.
 */
export class InMemoryRecordSource implements RecordSource {
  constructor(private readonly topics: InMemoryTopics) {}

  async open(names: readonly string[], options: ReadOptions, onBatch: BatchHandler): Promise<RecordReader> {
    for (const n of names) {
      if (!this.topics.has(n)) throw new Error(`Topic '${n}' does not exist`);
    }
    const queue: RawRecord[] = [];
    if (options.from === 'earliest' || options.bounded) {
      for (const n of names) {
        for (const r of this.topics.records(n)) {
          if (options.fromTimestamp !== undefined && r.timestamp < options.fromTimestamp) continue;
          const start = options.offsets?.get(r.partition) ?? options.fromOffset;
          if (start !== undefined && r.offset < start) continue;
          queue.push(r);
        }
      }
    }
    let paused = false;
    let closed = false;
    let resolveDone: () => void = () => {};
    const done = new Promise<void>((resolve) => (resolveDone = resolve));
    const unsubscribe = options.bounded
      ? () => false
      : this.topics.onAppend((r) => {
          if (names.includes(r.topic)) {
            queue.push(r);
            schedule();
          }
        });
    let scheduled = false;
    const pump = async (): Promise<void> => {
      scheduled = false;
      while (!paused && !closed && queue.length > 0) {
        const batch = queue.splice(0, 500).map(toSource);
        await onBatch(batch);
      }
      if (options.bounded && queue.length === 0 && !closed) resolveDone();
    };
    const schedule = (): void => {
      if (scheduled || paused || closed) return;
      scheduled = true;
      setImmediate(() => void pump());
    };
    schedule();
    return {
      pause: () => {
        paused = true;
      },
      resume: () => {
        paused = false;
        schedule();
      },
      close: async () => {
        closed = true;
        unsubscribe();
        resolveDone();
      },
      done,
      lag: () => queue.length,
    };
  }
}

function toSource(r: RawRecord): SourceRecord {
  return {
    topic: r.topic,
    key: r.key,
    value: r.value,
    timestamp: r.timestamp,
    partition: r.partition,
    offset: r.offset,
    headers: toKafkaHeaders(r.headers),
  };
}
