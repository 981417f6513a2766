import type { Rec } from './record';

/** One operator instance: records are pushed in, results pushed to the next processor(s). */
export interface Processor {
  push(rec: Rec): void;
}

export type ProcessingErrorKind = 'RECORD_PROCESSING' | 'DESERIALIZATION' | 'SERIALIZATION' | 'PRODUCTION';

export interface ProcessingError {
  readonly kind: ProcessingErrorKind;
  /** e.g. `Project`, `Filter`, `KafkaTopic_Left.Source.deserializer` */
  readonly step: string;
  readonly message: string;
  readonly rec?: Rec;
  readonly cause?: unknown;
  /** For records that could not be read or written: the topic and the raw bytes. */
  readonly topic?: string;
  readonly recordBytes?: Buffer | null;
}

/**
 * What operators may ask of the query they run in: report a bad row (it is skipped, counted and
 * written to the processing log, and the query goes on), read stream time, and get state stores.
 */
export interface ProcessingContext {
  reportError(error: ProcessingError): void;
  /** The largest event time seen by this query task so far. */
  streamTime(): number;
}

/** A processor that forwards to several downstream processors. */
export class Fanout implements Processor {
  constructor(private readonly targets: readonly Processor[]) {}
  push(rec: Rec): void {
    for (const t of this.targets) t.push(rec);
  }
}
