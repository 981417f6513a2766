/**
 * ksqlDB's `/ksql` response entities (its KsqlEntity subclasses, tagged by `@type`). The shapes
 * are typed in lib/contracts/ksql-entities.ts (../shared/reference/ksqldb.md §2.2), so ksqlDB
 * clients, the CLI and the workbench can all read them.
 */
import type { FieldInfo, RunningQuery, SchemaInfo, SourceInfo } from '../../lib/contracts/ksql-entities';
import type { DataSource, PersistentQuery } from '../types/data-source';
import { formatSchema, type Column } from '../types/logical-schema';
import { formatType, type SqlType } from '../types/sql-type';

export type KsqlEntity = Record<string, unknown> & {
  '@type': string;
  statementText: string;
  warnings: { message: string }[];
};

export function currentStatus(
  statementText: string,
  commandId: string,
  message: string,
  sequence: number,
  queryId: string | null = null,
  status: 'SUCCESS' | 'QUEUED' = 'SUCCESS',
): KsqlEntity {
  return {
    '@type': 'currentStatus',
    statementText,
    commandId,
    commandStatus: { status, message, queryId },
    commandSequenceNumber: sequence,
    warnings: [],
  };
}

export function warningEntity(statementText: string, message: string): KsqlEntity {
  return { '@type': 'warning_entity', statementText, message, warnings: [] };
}

export function sourceListItem(s: DataSource): SourceInfo {
  return {
    type: s.kind,
    name: s.name,
    topic: s.topic,
    keyFormat: s.keyFormat.format,
    valueFormat: s.valueFormat.format,
    isWindowed: s.window !== undefined,
  };
}

/** ksqlDB's SchemaInfo: `{type, fields, memberSchema}`. */
export function schemaInfo(t: SqlType): SchemaInfo {
  switch (t.kind) {
    case 'ARRAY':
      return { type: 'ARRAY', fields: null, memberSchema: schemaInfo(t.element) };
    case 'MAP':
      return { type: 'MAP', fields: null, memberSchema: schemaInfo(t.value) };
    case 'STRUCT':
      return {
        type: 'STRUCT',
        fields: t.fields.map((f) => ({ name: f.name, schema: schemaInfo(f.type) })),
        memberSchema: null,
      };
    case 'DECIMAL':
      return {
        type: 'DECIMAL',
        fields: null,
        memberSchema: null,
        parameters: { precision: t.precision, scale: t.scale },
      };
    default:
      return { type: t.kind, fields: null, memberSchema: null };
  }
}

/** ksqlDB marks key columns `KEY` for streams and tables alike (the CLI prints "(primary key)"). */
export function fieldInfo(c: Column): FieldInfo {
  return {
    name: c.name,
    schema: schemaInfo(c.type),
    ...(c.namespace === 'KEY' ? { type: 'KEY' as const } : {}),
    ...(c.header
      ? { type: 'HEADER' as const, ...(c.header.key !== undefined ? { headerKey: c.header.key } : {}) }
      : {}),
  };
}

export function queryListItem(
  q: PersistentQuery,
  sinkTopic: string | undefined,
  state: string = q.state,
): RunningQuery {
  return {
    queryString: q.sql,
    sinks: [q.sink],
    sinkKafkaTopics: sinkTopic ? [sinkTopic] : [],
    id: q.id,
    statusCount: { [state]: 1 },
    queryType: 'PERSISTENT',
    state,
  };
}

export function typeText(t: SqlType): string {
  return formatType(t);
}

export function schemaText(s: DataSource): string {
  return formatSchema(s.schema, s.kind);
}
