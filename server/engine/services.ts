/**
 * What the engine needs from the outside world, as interfaces: the Kafka-backed implementations
 * live in server/kafka (wired in main.ts), the in-memory ones in server/testing's driver.
 */
import type { CommandRecord } from '../catalog/command-schema';

export interface TopicSpec {
  readonly name: string;
  readonly partitions: number;
  readonly replicas?: number;
  readonly configs?: Readonly<Record<string, string>>;
}

export interface TopicDescription {
  readonly name: string;
  readonly partitions: number;
  readonly replicas: number;
  readonly messages: number;
  readonly internal: boolean;
}

export interface TopicService {
  partitions(name: string): Promise<number | undefined>;
  /** Creates the topic unless it exists. */
  create(spec: TopicSpec): Promise<void>;
  delete(names: readonly string[]): Promise<void>;
  list(): Promise<TopicDescription[]>;
  /** Partitions and replication of one topic (DESCRIBE); undefined when it does not exist. */
  describe?(name: string): Promise<{ partitions: number; replicas: number } | undefined>;
  /** Per topic, consumer members and groups reading it (SHOW TOPICS EXTENDED). */
  consumers?(): Promise<ReadonlyMap<string, { consumerCount: number; consumerGroupCount: number }>>;
}

/** One command to write: the record key (ksqlDB's CommandId) and the record. */
export interface CommandWrite {
  readonly key: string;
  readonly record: CommandRecord;
}

/** The replicated catalog log (Kafka's command topic, or an array in the test driver). */
export interface CommandLog {
  /**
   * Appends a command and resolves with its offset (the commandSequenceNumber). Rejects if the
   * log cannot be written.
   */
  append(key: string, record: CommandRecord): Promise<number>;
  /**
   * For a log several engines write (Kafka): takes the write lock (no other engine can append
   * until this returns), waits until this engine has consumed the whole log, then calls `build`
   * — which validates the statement against the now-latest catalog — and appends what it returns
   * (nothing when it returns undefined). ksqlDB's DistributingExecutor + waitForCommandConsumer.
   * A log with one writer may leave it out; the executor then builds first and calls `append`.
   */
  appendLatest?(build: () => Promise<CommandWrite | undefined>): Promise<number | undefined>;
}

export interface OutgoingRecord {
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly timestamp: number;
  readonly headers?: readonly { readonly key: string; readonly value: Buffer | null }[];
  readonly partition?: number;
}

/** Writes records to a topic (INSERT INTO … VALUES, /inserts-stream). */
export interface RecordWriter {
  write(topic: string, records: readonly OutgoingRecord[]): Promise<void>;
}

export interface Clock {
  now(): number;
}
