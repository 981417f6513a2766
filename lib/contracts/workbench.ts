import { z } from 'zod';

/**
 * Payloads of the workbench's own features (saved queries, run history, one-shot statements), as
 * carried over socket.io. The engine persists them; the browser validates what it receives.
 */

export const SavedQuerySchema = z.object({
  id: z.string(),
  name: z.string(),
  sql: z.string(),
  /** Session properties (e.g. auto.offset.reset) and chart settings, as the workbench wrote them. */
  settings: z.record(z.string(), z.unknown()),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type SavedQuery = z.infer<typeof SavedQuerySchema>;

export const SaveQueryRequestSchema = z.object({
  /** Absent: a new saved query; present: overwrite that one. */
  id: z.string().min(1).max(64).optional(),
  name: z.string().trim().min(1).max(200),
  sql: z.string().max(1_000_000),
  settings: z.record(z.string(), z.unknown()).optional(),
});
export type SaveQueryRequest = z.infer<typeof SaveQueryRequestSchema>;

export const RenameQueryRequestSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(200),
});
export type RenameQueryRequest = z.infer<typeof RenameQueryRequestSchema>;

export const IdRefSchema = z.object({ id: z.string().min(1).max(64) });
export type IdRef = z.infer<typeof IdRefSchema>;

export const SearchRequestSchema = z.object({ search: z.string().max(200).optional() });
export type SearchRequest = z.infer<typeof SearchRequestSchema>;

export const RunRecordSchema = z.object({
  id: z.string(),
  sql: z.string(),
  /** push | pull | print | statement */
  kind: z.string(),
  status: z.enum(['running', 'completed', 'cancelled', 'failed']),
  startedAt: z.number(),
  durationMs: z.number().nullable(),
  rowCount: z.number().int(),
  errorCode: z.number().int().nullable(),
  errorMessage: z.string().nullable(),
  queryId: z.string().nullable(),
});
export type RunRecord = z.infer<typeof RunRecordSchema>;

export const HistoryRequestSchema = z.object({ limit: z.number().int().positive().max(1000).optional() });
export type HistoryRequest = z.infer<typeof HistoryRequestSchema>;

/**
 * One statement run for its answer only (DESCRIBE, EXPLAIN, TERMINATE, INSERT … VALUES from the
 * sidebar): answered through the ack with ksqlDB `/ksql` entities, not with query:* events.
 */
export const StatementExecuteRequestSchema = z.object({
  sql: z.string().min(1).max(1_000_000),
  properties: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
  variables: z.record(z.string(), z.string()).default({}),
});
export type StatementExecuteRequest = z.input<typeof StatementExecuteRequestSchema>;

export const StatementExecuteResultSchema = z.object({
  entities: z.array(z.record(z.string(), z.unknown())),
});
export type StatementExecuteResult = z.infer<typeof StatementExecuteResultSchema>;
