import { z } from 'zod';
import type { SqlType } from '../types/sql-type';
import type { Column } from '../types/logical-schema';
import type { DataSource, PersistentQuery } from '../types/data-source';
import { FORMAT_NAMES } from '../types/formats';

/**
 * The command-topic record, validated with zod on read (CONVENTIONS §9). A record is the resolved
 * effect of one distributed statement — the engine never re-parses SQL to apply it — plus the
 * statement text and properties for humans, EXPLAIN and query start-up.
 */
export const COMMAND_VERSION = 1;

export const SqlTypeSchema: z.ZodType<SqlType> = z.lazy(() =>
  z.union([
    z.object({
      kind: z.enum([
        'BOOLEAN',
        'INTEGER',
        'BIGINT',
        'DOUBLE',
        'STRING',
        'BYTES',
        'TIMESTAMP',
        'DATE',
        'TIME',
      ]),
    }),
    z.object({ kind: z.literal('DECIMAL'), precision: z.number().int(), scale: z.number().int() }),
    z.object({ kind: z.literal('ARRAY'), element: SqlTypeSchema }),
    z.object({ kind: z.literal('MAP'), key: SqlTypeSchema, value: SqlTypeSchema }),
    z.object({
      kind: z.literal('STRUCT'),
      fields: z.array(z.object({ name: z.string(), type: SqlTypeSchema })),
    }),
  ]),
) as z.ZodType<SqlType>;

// Typed against the domain interfaces (readonly arrays), which the parsed output satisfies.
const ColumnSchema = z.object({
  name: z.string(),
  type: SqlTypeSchema,
  namespace: z.enum(['KEY', 'VALUE']),
  header: z.object({ key: z.string().optional() }).optional(),
}) as unknown as z.ZodType<Column>;

const FormatInfoSchema = z.object({ format: z.enum(FORMAT_NAMES), delimiter: z.string().optional() });
const FeaturesSchema = z.object({ wrapSingleValues: z.boolean().optional() });

export const DataSourceSchema = z.object({
  name: z.string(),
  kind: z.enum(['STREAM', 'TABLE']),
  schema: z.object({ key: z.array(ColumnSchema), value: z.array(ColumnSchema) }),
  topic: z.string(),
  keyFormat: FormatInfoSchema,
  valueFormat: FormatInfoSchema,
  keyFeatures: FeaturesSchema,
  valueFeatures: FeaturesSchema,
  window: z
    .object({
      type: z.enum(['TUMBLING', 'HOPPING', 'SESSION']),
      sizeMs: z.number().optional(),
      advanceMs: z.number().optional(),
    })
    .optional(),
  timestamp: z.object({ column: z.string(), format: z.string().optional() }).optional(),
  isSource: z.boolean(),
  sql: z.string(),
  createdBy: z.string().optional(),
}) as unknown as z.ZodType<DataSource>;

export const PersistentQuerySchema = z.object({
  id: z.string(),
  kind: z.enum(['CSAS', 'CTAS', 'INSERT', 'CST']),
  sql: z.string(),
  sink: z.string(),
  sources: z.array(z.string()),
  properties: z.record(z.string(), z.string()),
  state: z.enum(['RUNNING', 'PAUSED']),
}) as unknown as z.ZodType<PersistentQuery>;

export const CommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('createSource'), source: DataSourceSchema, orReplace: z.boolean() }),
  z.object({
    type: z.literal('createAsSelect'),
    source: DataSourceSchema,
    query: PersistentQuerySchema,
    orReplace: z.boolean(),
  }),
  z.object({ type: z.literal('insertInto'), query: PersistentQuerySchema }),
  z.object({
    type: z.literal('dropSource'),
    name: z.string(),
    deleteTopic: z.boolean(),
    /** Kappa's DROP … CASCADE: what else goes with it, decided when the statement was validated. */
    cascade: z.object({ queries: z.array(z.string()), sources: z.array(z.string()) }).optional(),
  }),
  z.object({ type: z.literal('alterSource'), name: z.string(), addColumns: z.array(ColumnSchema) }),
  z.object({ type: z.literal('createType'), name: z.string(), sqlType: SqlTypeSchema }),
  z.object({ type: z.literal('dropType'), name: z.string() }),
  z.object({ type: z.literal('terminate'), queryIds: z.array(z.string()) }),
  z.object({ type: z.literal('pause'), queryIds: z.array(z.string()) }),
  z.object({ type: z.literal('resume'), queryIds: z.array(z.string()) }),
  /**
   * Written by the repair tool (scripts/catalog/repair.ts): the records at these earlier offsets
   * are ignored by every engine, so a corrupt or incompatible record stops degrading the engine.
   */
  z.object({ type: z.literal('skip'), offsets: z.array(z.number().int().nonnegative()), reason: z.string() }),
]);
export type Command = z.infer<typeof CommandSchema>;

export const CommandRecordSchema = z.object({
  version: z.number().int(),
  statement: z.string(),
  properties: z.record(z.string(), z.string()),
  command: CommandSchema,
});
export type CommandRecord = z.infer<typeof CommandRecordSchema>;

/** ksqlDB-style command id, used as the record key: ``stream/`NAME`/create``. */
export function commandId(command: Command): string {
  switch (command.type) {
    case 'createSource':
    case 'createAsSelect':
      return `${command.source.kind.toLowerCase()}/\`${command.source.name}\`/create`;
    case 'insertInto':
      return `stream/\`${command.query.sink}\`/create`;
    case 'dropSource':
      return `source/\`${command.name}\`/drop`;
    case 'alterSource':
      return `source/\`${command.name}\`/alter`;
    case 'createType':
      return `type/${command.name}/create`;
    case 'dropType':
      return `type/${command.name}/drop`;
    case 'terminate':
    case 'pause':
    case 'resume':
      return `${command.type}/${command.queryIds.join(',') || 'ALL'}/execute`;
    case 'skip':
      return `skip/${command.offsets.join(',')}/execute`;
  }
}
