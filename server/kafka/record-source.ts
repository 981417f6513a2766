import type { IncomingRecord } from './codec/source-decoder';

export interface SourceRecord extends IncomingRecord {
  readonly topic: string;
}

export interface ReadOptions {
  /** `earliest` reads what the topics hold; `latest` only what arrives after the read starts. */
  readonly from: 'earliest' | 'latest';
  /** Stop once the end offsets captured at the start are reached (pull queries, PRINT … LIMIT). */
  readonly bounded: boolean;
  /** Start each partition at this offset (workbench topic tail), overriding `from`. */
  readonly offsets?: ReadonlyMap<number, number>;
  /** Start every partition at this offset (workbench topic tail), overriding `from`. */
  readonly fromOffset?: number;
  /** Start at the first record at or after this time (workbench topic tail). */
  readonly fromTimestamp?: number;
}

/** Receives records in batches, in partition order. Returns a promise to apply backpressure. */
export type BatchHandler = (records: readonly SourceRecord[]) => void | Promise<void>;

export interface RecordReader {
  pause(): void;
  resume(): void;
  close(): Promise<void>;
  /** Resolves when a bounded read has reached the end offsets (or the reader was closed). */
  readonly done: Promise<void>;
  /** Records between the reader's position and the end of its topics, when known. */
  lag(): number | null;
}

/**
 * Reads topics for transient queries (push, pull, PRINT): a Kafka consumer in the product, the
 * in-memory topics in the test driver. Rejects `open` with a clear error when a topic is missing.
 */
export interface RecordSource {
  open(topics: readonly string[], options: ReadOptions, onBatch: BatchHandler): Promise<RecordReader>;
}
