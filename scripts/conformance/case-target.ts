import type { CatalogView } from '../../server/catalog/catalog';
import type {
  DriverProcessingError,
  ProduceRecord,
  RawRecord,
  TestDriverApi,
} from '../../server/testing/driver-api';
import type { PostView } from './post-conditions';

/**
 * What the judge (`run-case.ts`) needs from the place a case runs: the deterministic driver, or an
 * engine over a real broker (`kafka/kafka-target.ts`). Everything is asynchronous because a broker
 * is; the driver's adapter just resolves at once.
 */
export interface CaseTarget {
  createTopic(name: string, partitions: number): Promise<void>;
  /** Runs one statement; rejects with the error a client would see. */
  execute(statement: string): Promise<void>;
  /** The catalog after the statements run so far. */
  catalog(): CatalogView;
  /** Hands over one input; a target may buffer it until the next `produce` or `settle`. */
  produce(record: ProduceRecord): Promise<void>;
  /**
   * Resolves once every input has been processed as far as it will be. Returns a note for failure
   * texts when it gave up waiting (a query that never caught up), else undefined.
   */
  settle(): Promise<string | undefined>;
  /** Every record of a topic, in write order (per partition, for a broker). */
  records(topic: string): Promise<readonly RawRecord[]>;
  processingErrors(): readonly DriverProcessingError[];
  /** What the post-conditions look at. */
  postView(): Promise<PostView>;
  /**
   * Whether the order of a topic's records across partitions means anything. The driver writes in
   * one order; a broker only orders each partition, so the judge then matches partitions' records
   * as interleavings of the expected list.
   */
  readonly orderedAcrossPartitions: boolean;
}

/** The deterministic driver as a target: it processes each record before `produce` returns. */
export function driverTarget(driver: TestDriverApi): CaseTarget {
  return {
    createTopic: async (name, partitions) => driver.createTopic(name, partitions),
    execute: async (statement) => void (await driver.execute(statement)),
    catalog: () => driver.catalog(),
    produce: async (record) => driver.produce(record),
    settle: async () => undefined,
    records: async (topic) => driver.records(topic),
    processingErrors: () => driver.processingErrors(),
    postView: async () => ({ catalog: driver.catalog(), topics: driver.topics() }),
    orderedAcrossPartitions: true,
  };
}
