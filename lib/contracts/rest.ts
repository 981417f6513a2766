/**
 * ksqlDB's REST DTOs (../shared/reference/ksqldb.md §2), typed once for the engine's routes, the
 * REST client and the CLI. Request schemas are what the server accepts; response schemas are
 * deliberately loose (`looseObject`) so a newer server's extra fields never break a client.
 */
import { z } from 'zod';
import { DiagnosticSchema } from './diagnostics';

/** Property and variable values: ksqlDB accepts any JSON scalar and reads it as text. */
export const PropertyValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const PropertyMapSchema = z.record(z.string(), PropertyValueSchema);

/** `POST /ksql`, `POST /query` and the `request` parameter of `/ws/query`. */
export const KsqlRequestSchema = z.object({
  ksql: z.string({ error: 'The request must contain a "ksql" string' }),
  streamsProperties: PropertyMapSchema.nullish(),
  sessionVariables: PropertyMapSchema.nullish(),
  requestProperties: PropertyMapSchema.nullish(),
  commandSequenceNumber: z.number().int().nullish(),
});
export type KsqlRequest = z.infer<typeof KsqlRequestSchema>;

/** `POST /query-stream`. */
export const QueryStreamArgsSchema = z.object({
  sql: z.string({ error: 'The request must contain a "sql" string' }),
  properties: PropertyMapSchema.nullish(),
  sessionVariables: PropertyMapSchema.nullish(),
  requestProperties: PropertyMapSchema.nullish(),
});
export type QueryStreamArgs = z.infer<typeof QueryStreamArgsSchema>;

/** `POST /close-query`. */
export const CloseQueryArgsSchema = z.object({ queryId: z.string().min(1) });
export type CloseQueryArgs = z.infer<typeof CloseQueryArgsSchema>;

/** First line of `POST /inserts-stream`. */
export const InsertsStreamArgsSchema = z.object({
  target: z.string().min(1),
  properties: PropertyMapSchema.nullish(),
});
export type InsertsStreamArgs = z.infer<typeof InsertsStreamArgsSchema>;

/** Every following line of `POST /inserts-stream`: column name → value. */
export const InsertRowSchema = z.record(z.string(), z.unknown());

export const InsertAckSchema = z.union([
  z.object({ status: z.literal('ok'), seq: z.number().int() }),
  z.object({
    status: z.literal('error'),
    seq: z.number().int(),
    error_code: z.number().int(),
    message: z.string(),
  }),
]);
export type InsertAck = z.infer<typeof InsertAckSchema>;

/** ksqlDB's generic and statement error bodies; Kappa adds `diagnostics` (with spans). */
export const RestErrorSchema = z.looseObject({
  '@type': z.string(),
  error_code: z.number().int(),
  message: z.string(),
  statementText: z.string().optional(),
  entities: z.array(z.unknown()).optional(),
  diagnostics: z.array(DiagnosticSchema).optional(),
});
export type RestError = z.infer<typeof RestErrorSchema>;

/** One `/ksql` result entity, tagged by `@type` (`currentStatus`, `streams`, `queries`, …). */
export const KsqlEntitySchema = z.looseObject({
  '@type': z.string(),
  statementText: z.string().optional(),
  warnings: z.array(z.looseObject({ message: z.string() })).optional(),
});
export type KsqlEntityDto = z.infer<typeof KsqlEntitySchema>;
export const KsqlEntityListSchema = z.array(KsqlEntitySchema);

/** Elements of the `/query` (and `/query-stream` with vnd.ksql.v1+json) StreamedRow array. */
export const StreamedHeaderSchema = z.looseObject({
  header: z.looseObject({ queryId: z.string().optional(), schema: z.string() }),
});
export const StreamedDataRowSchema = z.looseObject({
  row: z.looseObject({ columns: z.array(z.unknown()), tombstone: z.boolean().optional() }),
});
export const StreamedFinalSchema = z.looseObject({ finalMessage: z.string() });
export const StreamedErrorSchema = z.looseObject({ errorMessage: RestErrorSchema });
export const StreamedRowSchema = z.union([
  StreamedHeaderSchema,
  StreamedDataRowSchema,
  StreamedFinalSchema,
  StreamedErrorSchema,
  z.looseObject({ consistencyToken: z.looseObject({ consistencyToken: z.string() }) }),
]);
export type StreamedRow = z.infer<typeof StreamedRowSchema>;

/** First line of `/query-stream` in the delimited and application/json encodings. */
export const QueryStreamMetadataSchema = z.looseObject({
  queryId: z.string().optional(),
  columnNames: z.array(z.string()),
  columnTypes: z.array(z.string()),
});
export type QueryStreamMetadata = z.infer<typeof QueryStreamMetadataSchema>;

export const ServerInfoSchema = z.object({
  KsqlServerInfo: z.looseObject({
    version: z.string(),
    kafkaClusterId: z.string(),
    ksqlServiceId: z.string(),
    serverStatus: z.string().optional(),
  }),
});
export type ServerInfo = z.infer<typeof ServerInfoSchema>;

export const CommandStatusSchema = z.looseObject({
  status: z.string(),
  message: z.string(),
  queryId: z.string().nullish(),
});
export const CommandStatusesSchema = z.object({
  commandStatuses: z.record(z.string(), z.string()),
});

/** The media types of ksqlDB's streaming endpoints. */
export const MediaTypes = {
  KSQL_V1_JSON: 'application/vnd.ksql.v1+json',
  DELIMITED: 'application/vnd.ksqlapi.delimited.v1',
  JSON: 'application/json',
} as const;
