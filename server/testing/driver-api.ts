import type { CatalogView } from '../catalog/catalog';

/**
 * The contract of the deterministic test driver (like Kafka Streams' TopologyTestDriver): the
 * same statement handlers, planner and operators as the product, over in-memory topics and an
 * in-memory command log. Records are processed synchronously, one at a time, in input order,
 * with every update emitted (no caching), so results are reproducible.
 */
export interface RawHeader {
  readonly key: string;
  readonly value: Buffer | null;
}

export interface RawRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  /** Record timestamp, epoch ms. */
  readonly timestamp: number;
  readonly headers: readonly RawHeader[];
}

export interface ProduceRecord {
  readonly topic: string;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  /** Defaults to the driver's clock. */
  readonly timestamp?: number;
  readonly headers?: readonly RawHeader[];
  /** Defaults to 0 (or the key's hash partition when the topic has several). */
  readonly partition?: number;
}

export interface DriverProcessingError {
  readonly queryId: string;
  readonly kind: string;
  readonly message: string;
}

export interface TestDriverApi {
  /**
   * Runs every statement of a script in order, as the REST API's /ksql would (all validated
   * before any runs), and returns one ksqlDB entity per statement (null for INSERT VALUES).
   * Throws a KappaError whose message is ksqlDB-like when a statement is rejected.
   */
  execute(
    sql: string,
    options?: { properties?: Record<string, string>; variables?: Record<string, string> },
  ): Promise<unknown[]>;
  /** Creates a topic (tests that declare `topics` with partition counts). */
  createTopic(name: string, partitions: number): void;
  /** Appends a record and runs every query that reads the topic, depth-first, before returning. */
  produce(record: ProduceRecord): void;
  /** Every record written to a topic so far, in write order. */
  records(topic: string): readonly RawRecord[];
  topics(): readonly string[];
  /** The catalog after the statements run so far (sources with schemas, formats and topics). */
  catalog(): CatalogView;
  /** Bad rows skipped by queries (deserialization or processing errors). */
  processingErrors(): readonly DriverProcessingError[];
}
