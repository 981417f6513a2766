/**
 * The `/ksql` response entities of ksqlDB (its KsqlEntity subclasses, tagged by `@type`), typed
 * once: the engine builds them, the CLI and workbench validate and render them. Shapes follow
 * ../shared/reference/ksqldb.md §2.2 (field names and nesting as ksqlDB serializes them). Objects
 * are loose so a newer engine's extra fields never break an older client.
 */
import { z } from 'zod';

const base = {
  statementText: z.string(),
  warnings: z.array(z.looseObject({ message: z.string() })),
};

/** ksqlDB's SchemaInfo: `{type, fields, memberSchema}` (STRUCT fields, ARRAY/MAP member type). */
export interface SchemaInfo {
  type: string;
  fields: { name: string; schema: SchemaInfo }[] | null;
  memberSchema: SchemaInfo | null;
  parameters?: Record<string, number>;
}
export const SchemaInfoSchema: z.ZodType<SchemaInfo> = z.lazy(() =>
  z.object({
    type: z.string(),
    fields: z.array(z.object({ name: z.string(), schema: SchemaInfoSchema })).nullable(),
    memberSchema: SchemaInfoSchema.nullable(),
    parameters: z.record(z.string(), z.number()).optional(),
  }),
);

/** ksqlDB's FieldInfo; `type` is KEY for key columns (streams and tables), HEADER for headers. */
export const FieldInfoSchema = z.looseObject({
  name: z.string(),
  schema: SchemaInfoSchema,
  type: z.enum(['SYSTEM', 'KEY', 'HEADER']).optional(),
  headerKey: z.string().optional(),
});
export type FieldInfo = z.infer<typeof FieldInfoSchema>;

export const CommandStatusSchema = z.looseObject({
  status: z.enum(['QUEUED', 'PARSING', 'EXECUTING', 'RUNNING', 'TERMINATED', 'SUCCESS', 'ERROR']),
  message: z.string(),
  queryId: z.string().nullable(),
});

export const SourceInfoSchema = z.looseObject({
  type: z.enum(['STREAM', 'TABLE']),
  name: z.string(),
  topic: z.string(),
  keyFormat: z.string(),
  valueFormat: z.string(),
  isWindowed: z.boolean(),
});
export type SourceInfo = z.infer<typeof SourceInfoSchema>;

/** ksqlDB's RunningQuery (SHOW QUERIES, DESCRIBE's read/write queries). */
export const RunningQuerySchema = z.looseObject({
  queryString: z.string(),
  sinks: z.array(z.string()),
  sinkKafkaTopics: z.array(z.string()),
  id: z.string(),
  statusCount: z.record(z.string(), z.number()),
  queryType: z.enum(['PERSISTENT', 'PUSH', 'PULL']),
  state: z.string(),
});
export type RunningQuery = z.infer<typeof RunningQuerySchema>;

export const QueryDescriptionSchema = z.looseObject({
  id: z.string(),
  statementText: z.string(),
  windowType: z.string().nullable(),
  fields: z.array(FieldInfoSchema),
  sources: z.array(z.string()),
  sinks: z.array(z.string()),
  topology: z.string(),
  executionPlan: z.string(),
  overriddenProperties: z.record(z.string(), z.unknown()),
  ksqlHostQueryStatus: z.record(z.string(), z.string()).optional(),
  queryType: z.enum(['PERSISTENT', 'PUSH', 'PULL']),
  queryErrors: z.array(z.unknown()).optional(),
  state: z.string().optional(),
});
export type QueryDescription = z.infer<typeof QueryDescriptionSchema>;

export const SourceDescriptionSchema = z.looseObject({
  name: z.string(),
  windowType: z.string().nullable(),
  readQueries: z.array(RunningQuerySchema),
  writeQueries: z.array(RunningQuerySchema),
  fields: z.array(FieldInfoSchema),
  type: z.enum(['STREAM', 'TABLE']),
  timestamp: z.string(),
  /** Runtime statistics as ksqlDB prints them (text); empty until a runtime reports them. */
  statistics: z.string(),
  errorStats: z.string(),
  extended: z.boolean(),
  keyFormat: z.string(),
  valueFormat: z.string(),
  topic: z.string(),
  partitions: z.number().int(),
  replication: z.number().int(),
  statement: z.string(),
  queryOffsetSummaries: z.array(z.unknown()),
  sourceConstraints: z.array(z.string()),
  clusterStatistics: z.array(z.unknown()),
  clusterErrorStats: z.array(z.unknown()),
});
export type SourceDescription = z.infer<typeof SourceDescriptionSchema>;

export const KafkaTopicInfoSchema = z.looseObject({ name: z.string(), replicaInfo: z.array(z.number()) });
export const KafkaTopicInfoExtendedSchema = KafkaTopicInfoSchema.extend({
  consumerCount: z.number().int(),
  consumerGroupCount: z.number().int(),
});

export const PropertySchema = z.looseObject({ name: z.string(), scope: z.string(), value: z.string() });

export const FunctionArgumentSchema = z.looseObject({
  name: z.string(),
  type: z.string(),
  description: z.string(),
  isVariadic: z.boolean(),
});

export const TypedKsqlEntitySchema = z.discriminatedUnion('@type', [
  z.looseObject({
    '@type': z.literal('currentStatus'),
    ...base,
    commandId: z.string(),
    commandStatus: CommandStatusSchema,
    commandSequenceNumber: z.number().int(),
  }),
  z.looseObject({ '@type': z.literal('warning_entity'), ...base, message: z.string() }),
  z.looseObject({ '@type': z.literal('streams'), ...base, streams: z.array(SourceInfoSchema) }),
  z.looseObject({ '@type': z.literal('tables'), ...base, tables: z.array(SourceInfoSchema) }),
  z.looseObject({ '@type': z.literal('queries'), ...base, queries: z.array(RunningQuerySchema) }),
  z.looseObject({
    '@type': z.literal('query_descriptions'),
    ...base,
    queryDescriptions: z.array(QueryDescriptionSchema),
  }),
  z.looseObject({
    '@type': z.literal('queryDescription'),
    ...base,
    queryDescription: QueryDescriptionSchema,
  }),
  z.looseObject({
    '@type': z.literal('sourceDescription'),
    ...base,
    sourceDescription: SourceDescriptionSchema,
  }),
  z.looseObject({
    '@type': z.literal('source_descriptions'),
    ...base,
    sourceDescriptions: z.array(SourceDescriptionSchema),
  }),
  z.looseObject({ '@type': z.literal('kafka_topics'), ...base, topics: z.array(KafkaTopicInfoSchema) }),
  z.looseObject({
    '@type': z.literal('kafka_topics_extended'),
    ...base,
    topics: z.array(KafkaTopicInfoExtendedSchema),
  }),
  z.looseObject({
    '@type': z.literal('properties'),
    ...base,
    properties: z.array(PropertySchema),
    overwrittenProperties: z.array(z.string()),
    defaultProperties: z.array(z.string()),
  }),
  z.looseObject({
    '@type': z.literal('function_names'),
    ...base,
    functions: z.array(z.looseObject({ name: z.string(), type: z.string(), category: z.string() })),
  }),
  z.looseObject({
    '@type': z.literal('describe_function'),
    ...base,
    name: z.string(),
    description: z.string(),
    author: z.string(),
    version: z.string(),
    path: z.string(),
    type: z.string(),
    functions: z.array(
      z.looseObject({
        arguments: z.array(FunctionArgumentSchema),
        returnType: z.string(),
        description: z.string(),
        argumentTypes: z.array(z.string()),
      }),
    ),
  }),
  z.looseObject({ '@type': z.literal('type_list'), ...base, types: z.record(z.string(), SchemaInfoSchema) }),
  z.looseObject({
    '@type': z.literal('variables'),
    ...base,
    variables: z.array(z.looseObject({ name: z.string(), value: z.string() })),
  }),
  z.looseObject({ '@type': z.literal('connector_list'), ...base, connectors: z.array(z.unknown()) }),
  z.looseObject({
    '@type': z.literal('terminate_query'),
    ...base,
    queryId: z.string(),
    wasTerminated: z.boolean(),
  }),
]);
export type TypedKsqlEntity = z.infer<typeof TypedKsqlEntitySchema>;
export type KsqlEntityType = TypedKsqlEntity['@type'];
/** The entity of one `@type`, e.g. `EntityOf<'streams'>`. */
export type EntityOf<T extends KsqlEntityType> = Extract<TypedKsqlEntity, { '@type': T }>;
