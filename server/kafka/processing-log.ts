import type { Kafka, Producer } from 'kafkajs';
import type { ProcessingError } from '../exec/processor';
import type { Logger } from '../log/logger';

/**
 * ksqlDB's processing log: one record per bad row (a value that does not deserialize, an
 * expression that fails, a row that cannot be written), on the topic `<service id>ksql_processing_log`
 * that the stream KSQL_PROCESSING_LOG reads — so users query their errors with SQL.
 */
export function processingLogTopic(serviceId: string): string {
  return `${serviceId}ksql_processing_log`;
}

export const PROCESSING_LOG_STREAM = 'KSQL_PROCESSING_LOG';

/** The stream over the processing-log topic, with ksqlDB's schema. */
export function processingLogStreamSql(serviceId: string): string {
  return (
    `CREATE STREAM IF NOT EXISTS ${PROCESSING_LOG_STREAM} (LOGGER STRING, LEVEL STRING, \`TIME\` BIGINT, MESSAGE STRUCT<` +
    'TYPE INTEGER, DESERIALIZATIONERROR STRUCT<TARGET STRING, ERRORMESSAGE STRING, RECORDB64 STRING, CAUSE ARRAY<STRING>, `topic` STRING>, ' +
    'RECORDPROCESSINGERROR STRUCT<ERRORMESSAGE STRING, RECORD STRING, CAUSE ARRAY<STRING>>, ' +
    'PRODUCTIONERROR STRUCT<ERRORMESSAGE STRING>, ' +
    'SERIALIZATIONERROR STRUCT<TARGET STRING, ERRORMESSAGE STRING, RECORD STRING, CAUSE ARRAY<STRING>, `topic` STRING>, ' +
    'KAFKASTREAMSTHREADERROR STRUCT<ERRORMESSAGE STRING, THREADNAME STRING, CAUSE ARRAY<STRING>>>) ' +
    `WITH (KAFKA_TOPIC='${processingLogTopic(serviceId)}', VALUE_FORMAT='JSON', KEY_FORMAT='KAFKA')`
  );
}

const TYPE_CODES: Record<ProcessingError['kind'], number> = {
  DESERIALIZATION: 0,
  RECORD_PROCESSING: 1,
  PRODUCTION: 2,
  SERIALIZATION: 3,
};

export interface ProcessingLogEntry {
  readonly queryId: string;
  readonly error: ProcessingError;
  /** The topic the bad record came from or was going to. */
  readonly topic?: string;
  /** The record's bytes (only with `ksql.logging.processing.rows.include=true`). */
  readonly recordBytes?: Buffer | null;
}

/** ksqlDB's record shape (ProcessingLogMessageSchema), as JSON. */
export function processingLogRecord(entry: ProcessingLogEntry, now: number): Record<string, unknown> {
  const e = entry.error;
  const cause = e.cause instanceof Error && e.cause.message !== e.message ? [e.cause.message] : [];
  const message: Record<string, unknown> = {
    TYPE: TYPE_CODES[e.kind],
    DESERIALIZATIONERROR: null,
    RECORDPROCESSINGERROR: null,
    PRODUCTIONERROR: null,
    SERIALIZATIONERROR: null,
    KAFKASTREAMSTHREADERROR: null,
  };
  const target = /\bkey\b/i.test(e.step) ? 'key' : 'value';
  switch (e.kind) {
    case 'DESERIALIZATION':
      message.DESERIALIZATIONERROR = {
        TARGET: target,
        ERRORMESSAGE: e.message,
        RECORDB64: entry.recordBytes ? entry.recordBytes.toString('base64') : null,
        CAUSE: cause,
        topic: entry.topic ?? null,
      };
      break;
    case 'RECORD_PROCESSING':
      message.RECORDPROCESSINGERROR = { ERRORMESSAGE: e.message, RECORD: null, CAUSE: cause };
      break;
    case 'PRODUCTION':
      message.PRODUCTIONERROR = { ERRORMESSAGE: e.message };
      break;
    case 'SERIALIZATION':
      message.SERIALIZATIONERROR = {
        TARGET: target,
        ERRORMESSAGE: e.message,
        RECORD: null,
        CAUSE: cause,
        topic: entry.topic ?? null,
      };
      break;
  }
  return { LOGGER: `processing.${entry.queryId}.${e.step}`, LEVEL: 'ERROR', TIME: now, MESSAGE: message };
}

/**
 * Writes processing-log records in small batches. The queue is bounded: under a flood of bad
 * records the oldest entries are dropped and counted, so a poison topic never grows memory.
 */
export class ProcessingLogWriter {
  private queue: ProcessingLogEntry[] = [];
  private producer: Producer | undefined;
  private timer: NodeJS.Timeout | undefined;
  dropped = 0;
  written = 0;
  private readonly warned = new Map<string, { since: number; logged: number; suppressed: number }>();

  constructor(
    private readonly kafka: Kafka,
    private readonly topic: string,
    private readonly log: Logger,
    private readonly maxQueue = 10_000,
  ) {}

  record(entry: ProcessingLogEntry): void {
    this.warnSampled(entry);
    if (this.queue.length >= this.maxQueue) {
      this.queue.shift();
      this.dropped++;
    }
    this.queue.push(entry);
    this.timer ??= setTimeout(() => void this.flush(), 200);
  }

  async flush(): Promise<void> {
    this.timer = undefined;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    try {
      if (!this.producer) {
        this.producer = this.kafka.producer({ allowAutoTopicCreation: false });
        await this.producer.connect();
      }
      const now = Date.now();
      const values = batch.map((e) => JSON.stringify(processingLogRecord(e, now)));
      for (const chunk of chunksUnder(values, MAX_SEND_BYTES)) {
        try {
          await this.producer.send({
            topic: this.topic,
            messages: chunk.map((value) => ({ key: null, value })),
          });
          this.written += chunk.length;
        } catch (error) {
          this.dropped += chunk.length;
          this.log.error('could not write the processing log', { error });
        }
      }
    } catch (error) {
      this.dropped += batch.length;
      this.log.error('could not write the processing log', { error });
    }
  }

  /**
   * Every bad record is in the processing-log topic; the engine's own log gets the first few per
   * query every WARN_WINDOW_MS and then a count. A line per record made a poison flood flood the
   * log too, and writing it (synchronous on a pipe) stalled the event loop.
   */
  private warnSampled(entry: ProcessingLogEntry): void {
    const now = Date.now();
    const w = this.warned.get(entry.queryId) ?? { since: now, logged: 0, suppressed: 0 };
    if (now - w.since >= WARN_WINDOW_MS) {
      if (w.suppressed > 0)
        this.log.warn('more bad records skipped (see the processing log)', {
          queryId: entry.queryId,
          count: w.suppressed,
          seconds: Math.round((now - w.since) / 1000),
        });
      Object.assign(w, { since: now, logged: 0, suppressed: 0 });
    }
    if (w.logged < WARN_PER_WINDOW) {
      w.logged++;
      this.log.warn('bad record skipped', {
        queryId: entry.queryId,
        step: entry.error.step,
        error: entry.error.message,
      });
    } else w.suppressed++;
    this.warned.set(entry.queryId, w);
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    await this.flush();
    await this.producer?.disconnect().catch(() => undefined);
  }
}

/**
 * A send becomes one record batch per partition, which the broker refuses whole above
 * message.max.bytes (1 MiB by default): under a flood of bad records one send of the whole queue
 * lost every entry. Sends stay well under it.
 */
const MAX_SEND_BYTES = 512 * 1024;

const WARN_WINDOW_MS = 10_000;
const WARN_PER_WINDOW = 10;

function* chunksUnder(values: readonly string[], maxBytes: number): Generator<string[]> {
  let chunk: string[] = [];
  let bytes = 0;
  for (const value of values) {
    const size = Buffer.byteLength(value) + 64; // record overhead
    if (chunk.length > 0 && bytes + size > maxBytes) {
      yield chunk;
      chunk = [];
      bytes = 0;
    }
    chunk.push(value);
    bytes += size;
  }
  if (chunk.length > 0) yield chunk;
}
