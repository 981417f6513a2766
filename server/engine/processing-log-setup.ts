import type { ProcessingError } from '../exec/processor';
import type { KafkaClient } from '../kafka/kafka-services';
import {
  PROCESSING_LOG_STREAM,
  processingLogStreamSql,
  processingLogTopic,
  ProcessingLogWriter,
} from '../kafka/processing-log';
import { TopicAdmin } from '../kafka/topic-admin';
import type { Logger } from '../log/logger';

export interface ProcessingLogOptions {
  readonly kafka: KafkaClient;
  readonly serviceId: string;
  readonly log: Logger;
  /** ksql.logging.processing.rows.include: put the bad record's bytes in the log (off: they may be sensitive). */
  readonly includeRows?: boolean;
  /** Replication of the processing-log topic (the broker's default when unset). */
  readonly replicas?: number;
}

/** What an engine needs to make its queries' bad records queryable. */
export interface ProcessingLog {
  readonly topic: string;
  /**
   * The query runtime's error callback (KafkaQueryRuntime's `onError`): the runtime has already
   * skipped and counted the record; this logs it and queues a processing-log record.
   */
  readonly onError: (queryId: string, error: ProcessingError) => void;
  /**
   * Creates the processing-log topic (one partition) and the KSQL_PROCESSING_LOG stream when they
   * are missing. Call once the engine has replayed its catalog: the stream is created through the
   * command topic like any statement, and IF NOT EXISTS makes engines starting together agree.
   */
  start(engine: ProcessingLogEngine): Promise<void>;
  /** Flushes queued records and disconnects. */
  close(): Promise<void>;
}

/** The part of the engine `start` uses. */
export interface ProcessingLogEngine {
  execute(sql: string): Promise<unknown>;
  catalog(): { source(name: string): unknown };
}

/**
 * ksqlDB's processing log (§1.13) over this engine: every record a persistent query skips is
 * written with ksqlDB's fields to `<service id>ksql_processing_log`, which the stream
 * KSQL_PROCESSING_LOG reads, so users query their errors with SQL. Records are written in small
 * batches by a bounded writer; under a flood the oldest are dropped (and counted), never the query.
 */
export function createProcessingLog(options: ProcessingLogOptions): ProcessingLog {
  const topic = processingLogTopic(options.serviceId);
  const log = options.log.child({ component: 'processing-log' });
  const writer = new ProcessingLogWriter(options.kafka, topic, log);
  return {
    topic,
    onError: (queryId, error) =>
      writer.record({
        queryId,
        error,
        ...(error.topic !== undefined ? { topic: error.topic } : {}),
        ...(options.includeRows && error.recordBytes !== undefined ? { recordBytes: error.recordBytes } : {}),
      }),
    start: async (engine) => {
      const admin = new TopicAdmin(options.kafka);
      try {
        const created = await admin.ensure({
          name: topic,
          partitions: 1,
          ...(options.replicas !== undefined ? { replicas: options.replicas } : {}),
        });
        if (created) log.info('created the processing-log topic', { topic });
      } finally {
        await admin.close().catch(() => {});
      }
      if (engine.catalog().source(PROCESSING_LOG_STREAM) === undefined) {
        await engine.execute(processingLogStreamSql(options.serviceId));
        log.info('created the processing-log stream', { stream: PROCESSING_LOG_STREAM, topic });
      }
    },
    close: () => writer.close(),
  };
}
