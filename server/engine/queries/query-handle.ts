import type { SqlType } from '../../types/sql-type';
import type { WindowType } from '../../types/formats';

/** One result column of a push, pull or PRINT query. */
export interface ResultColumn {
  readonly name: string;
  readonly type: SqlType;
  /** Part of the row's key (upsert identity): key columns and window bounds. */
  readonly key: boolean;
}

/** A row of a query result; values use the runtime representation of server/types/values.ts. */
export interface ResultRow {
  readonly values: readonly unknown[];
  /** Upsert-mode results: this key was deleted (table tombstone, a row leaving HAVING). */
  readonly tombstone?: boolean;
}

export type QueryEndReason = 'limit' | 'completed' | 'cancelled' | 'terminated' | 'error';

export interface QueryEnd {
  readonly reason: QueryEndReason;
  readonly error?: { readonly code: number; readonly message: string };
}

/**
 * Where a running query delivers its output. Calls are made from the engine's event loop, in
 * order. `rows` may be called with large batches; a consumer that cannot keep up must drop and
 * count (never buffer without bound) — see api/ for the per-viewer buffers.
 */
export interface ResultSink {
  rows(rows: readonly ResultRow[]): void;
  end(end: QueryEnd): void;
}

export interface QueryStats {
  readonly rowsTotal: number;
  /** Input records the query is behind the end of its topics; null when unknown. */
  readonly lagRecords: number | null;
  readonly startedAt: number;
}

/**
 * A transient query (push `EMIT CHANGES`, pull, or PRINT) started by `Engine.query`. The schema is
 * known before any row; rows go to the sink given to `start`.
 */
export interface QueryHandle {
  /** ksqlDB-style id, e.g. `transient_ORDERS_4823479238`; what /close-query takes. */
  readonly id: string;
  readonly kind: 'push' | 'pull' | 'print';
  readonly columns: readonly ResultColumn[];
  /** `append`: every row is new (streams); `upsert`: rows replace or delete by key (tables). */
  readonly mode: 'append' | 'upsert';
  readonly window?: { readonly type: WindowType; readonly sizeMs?: number };
  /** The statement as run (after variable substitution). */
  readonly sql: string;
  /** Begins delivery. Call once. */
  start(sink: ResultSink): void;
  /** Stops reading but keeps the position (the Kafka consumer is paused); `resume` continues. */
  pause(): void;
  resume(): void;
  /** Ends the query (idempotent); the sink then receives `end` with reason `cancelled`. */
  close(): Promise<void>;
  stats(): QueryStats;
  /**
   * PRINT only: ksqlDB's text form. `header()` gives the "Key format: …\nValue format: …" lines
   * (known once the first records were seen), `line(row)` one `rowtime: …, key: …, value: …,
   * partition: n` line for a row of this query.
   */
  readonly print?: { header(): string; line(row: ResultRow): string };
}
