import type { FormatInfo, SerdeFeatures, WindowInfo } from './formats';
import type { LogicalSchema } from './logical-schema';

/** A stream or a table: a schema over a Kafka topic. Immutable. */
export interface DataSource {
  readonly name: string;
  readonly kind: 'STREAM' | 'TABLE';
  readonly schema: LogicalSchema;
  readonly topic: string;
  readonly keyFormat: FormatInfo;
  readonly valueFormat: FormatInfo;
  readonly keyFeatures: SerdeFeatures;
  readonly valueFeatures: SerdeFeatures;
  /** Set when the topic's keys are windowed (results of windowed aggregations). */
  readonly window?: WindowInfo;
  /** `WITH (TIMESTAMP='col', TIMESTAMP_FORMAT='…')`: where ROWTIME comes from. */
  readonly timestamp?: { readonly column: string; readonly format?: string };
  /** `CREATE SOURCE …`: read-only, materialized. */
  readonly isSource: boolean;
  /** The statement that created the source (as written, after variable substitution). */
  readonly sql: string;
  /** The persistent query that writes this source when it was created by CSAS/CTAS. */
  readonly createdBy?: string;
}

/** A running (or paused) persistent query as the catalog records it. */
export interface PersistentQuery {
  readonly id: string;
  readonly kind: 'CSAS' | 'CTAS' | 'INSERT' | 'CST';
  /** The full statement text (CREATE … AS SELECT / INSERT INTO … SELECT). */
  readonly sql: string;
  readonly sink: string;
  readonly sources: readonly string[];
  /** Session properties the statement ran with (e.g. auto.offset.reset, processing.guarantee). */
  readonly properties: Readonly<Record<string, string>>;
  readonly state: 'RUNNING' | 'PAUSED';
}
