import { z } from 'zod';
import { ColumnInfoSchema } from './columns';
import { DiagnosticSchema } from './diagnostics';

/** Identifies one run of one statement from the workbench; chosen by the client, shareable. */
export const RunIdSchema = z.string().min(1).max(128);

export const OffsetResetSchema = z.enum(['earliest', 'latest']);

export const QueryRunRequestSchema = z.object({
  runId: RunIdSchema,
  /** One statement (the workbench splits scripts itself and sends one run per statement). */
  sql: z.string().max(1_000_000),
  /** Session properties, e.g. {"auto.offset.reset":"earliest"}. */
  properties: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
  /** Variables for `${name}` substitution. */
  variables: z.record(z.string(), z.string()).default({}),
});
export type QueryRunRequest = z.infer<typeof QueryRunRequestSchema>;

export const QuerySchemaEventSchema = z.object({
  runId: RunIdSchema,
  queryId: z.string().optional(),
  columns: z.array(ColumnInfoSchema),
  /** `append`: every row is new (streams). `upsert`: rows update or delete by key (tables). */
  mode: z.enum(['append', 'upsert']),
  /** Indexes into `columns` that identify a row in upsert mode (key columns and window bounds). */
  keyIndexes: z.array(z.number().int()),
  window: z
    .object({ type: z.enum(['TUMBLING', 'HOPPING', 'SESSION']), sizeMs: z.number().optional() })
    .optional(),
  /** push: runs until stopped; pull: ends after the current data. */
  kind: z.enum(['push', 'pull', 'print']),
});
export type QuerySchemaEvent = z.infer<typeof QuerySchemaEventSchema>;

export const QueryRowsEventSchema = z.object({
  runId: RunIdSchema,
  /** Values in column order; DECIMAL as number, BYTES as base64, MAP as object. */
  rows: z.array(z.array(z.unknown())),
  /** Indexes into `rows` of deletions (tombstones) in upsert mode. */
  tombstones: z.array(z.number().int()).optional(),
  /** Engine wall-clock time the batch was sent (epoch ms), for latency measurement. */
  sentAt: z.number(),
});
export type QueryRowsEvent = z.infer<typeof QueryRowsEventSchema>;

export const QueryStatusEventSchema = z.object({
  runId: RunIdSchema,
  state: z.enum(['running', 'paused', 'ended']),
  rowsTotal: z.number().int(),
  rowsPerSecond: z.number(),
  /** Rows this viewer did not receive because it could not keep up (never silent). */
  droppedForViewer: z.number().int(),
  /** How far behind the end of the input topics the query is, in records; null when unknown. */
  lagRecords: z.number().int().nullable(),
  elapsedMs: z.number().int(),
  viewers: z.number().int(),
});
export type QueryStatusEvent = z.infer<typeof QueryStatusEventSchema>;

export const QueryEndEventSchema = z.object({
  runId: RunIdSchema,
  reason: z.enum(['limit', 'completed', 'cancelled', 'terminated']),
  message: z.string().optional(),
});
export type QueryEndEvent = z.infer<typeof QueryEndEventSchema>;

export const QueryErrorEventSchema = z.object({
  runId: RunIdSchema,
  code: z.number().int(),
  message: z.string(),
  diagnostics: z.array(DiagnosticSchema).default([]),
});
export type QueryErrorEvent = z.infer<typeof QueryErrorEventSchema>;

/** Result of a statement that is not a query (DDL, SHOW, DESCRIBE…): a ksqlDB `/ksql` entity. */
export const StatementResultEventSchema = z.object({
  runId: RunIdSchema,
  entity: z.record(z.string(), z.unknown()).nullable(),
  commandSequenceNumber: z.number().int().optional(),
});
export type StatementResultEvent = z.infer<typeof StatementResultEventSchema>;

export const RunRefSchema = z.object({ runId: RunIdSchema });
export type RunRef = z.infer<typeof RunRefSchema>;
