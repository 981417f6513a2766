import { z } from 'zod';
import { ColumnInfoSchema } from './columns';

export const SourceSummarySchema = z.object({
  name: z.string(),
  kind: z.enum(['STREAM', 'TABLE']),
  topic: z.string(),
  keyFormat: z.string(),
  valueFormat: z.string(),
  windowType: z.string().nullable(),
  isSource: z.boolean(),
  columns: z.array(ColumnInfoSchema),
  readQueries: z.array(z.string()),
  writeQueries: z.array(z.string()),
  /** Records per second arriving on the topic, when known. */
  messagesPerSecond: z.number().nullable(),
});
export type SourceSummary = z.infer<typeof SourceSummarySchema>;

export const PersistentQuerySummarySchema = z.object({
  id: z.string(),
  sql: z.string(),
  state: z.enum(['RUNNING', 'PAUSED', 'ERROR', 'PENDING']),
  sources: z.array(z.string()),
  sinks: z.array(z.string()),
  sinkTopics: z.array(z.string()),
  inputRecordsPerSecond: z.number().nullable(),
  processedRecords: z.number().int(),
  errorCount: z.number().int(),
  lastError: z.object({ message: z.string(), at: z.number() }).nullable(),
});
export type PersistentQuerySummary = z.infer<typeof PersistentQuerySummarySchema>;

export const CatalogSnapshotSchema = z.object({
  /** The command-topic offset this snapshot reflects. */
  commandSequenceNumber: z.number().int(),
  sources: z.array(SourceSummarySchema),
  queries: z.array(PersistentQuerySummarySchema),
  types: z.array(z.object({ name: z.string(), type: z.string() })),
});
export type CatalogSnapshot = z.infer<typeof CatalogSnapshotSchema>;

export const TopicSummarySchema = z.object({
  name: z.string(),
  partitions: z.number().int(),
  replicas: z.number().int(),
  messages: z.number().int(),
  internal: z.boolean(),
});
export type TopicSummary = z.infer<typeof TopicSummarySchema>;

export const TopicTailRequestSchema = z.object({
  runId: z.string().min(1).max(128),
  topic: z.string().min(1).max(249),
  from: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('beginning') }),
    z.object({ kind: z.literal('now') }),
    z.object({ kind: z.literal('offset'), offset: z.number().int().nonnegative() }),
    z.object({ kind: z.literal('timestamp'), timestamp: z.number().int() }),
  ]),
  limit: z.number().int().positive().optional(),
});
export type TopicTailRequest = z.infer<typeof TopicTailRequestSchema>;
