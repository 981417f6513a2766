import { formatType, type SqlType } from './sql-type';

/**
 * The columns of a stream, table or intermediate result, as ksqlDB models them: key columns (the
 * Kafka record key), value columns (the record value), and header columns (read from the record's
 * headers; listed with the value columns but never serialized into the value).
 */
export interface Column {
  readonly name: string;
  readonly type: SqlType;
  readonly namespace: 'KEY' | 'VALUE';
  /**
   * Set for header columns: `{ key: 'k' }` for `HEADER('k')` (the last header with that key, as
   * BYTES), `{}` for `HEADERS` (all headers as ARRAY<STRUCT<KEY STRING, VALUE BYTES>>).
   */
  readonly header?: { readonly key?: string };
}

export interface LogicalSchema {
  readonly key: readonly Column[];
  /** Value and header columns, in declaration order. */
  readonly value: readonly Column[];
}

export function valueColumnsWithoutHeaders(schema: LogicalSchema): Column[] {
  return schema.value.filter((c) => c.header === undefined);
}

export function headerColumns(schema: LogicalSchema): Column[] {
  return schema.value.filter((c) => c.header !== undefined);
}

export function findColumn(schema: LogicalSchema, name: string): Column | undefined {
  return schema.key.find((c) => c.name === name) ?? schema.value.find((c) => c.name === name);
}

/** Backquotes a name in schema strings, as ksqlDB prints them. */
export function quoteName(name: string): string {
  return `\`${name.replace(/`/g, '``')}\``;
}

function formatColumn(c: Column, keyword: 'KEY' | 'PRIMARY KEY'): string {
  const base = `${quoteName(c.name)} ${formatType(c.type)}`;
  if (c.namespace === 'KEY') return `${base} ${keyword}`;
  if (c.header) return c.header.key !== undefined ? `${base} HEADER('${c.header.key}')` : `${base} HEADERS`;
  return base;
}

/**
 * ksqlDB's schema string, e.g. `` `ID` BIGINT KEY, `NAME` STRING `` (streams) or
 * `` `ID` BIGINT PRIMARY KEY, … `` (tables), as in QTT `post.sources[].schema` and DESCRIBE.
 */
export function formatSchema(schema: LogicalSchema, kind: 'STREAM' | 'TABLE'): string {
  const keyword = kind === 'TABLE' ? 'PRIMARY KEY' : 'KEY';
  return [
    ...schema.key.map((c) => formatColumn(c, keyword)),
    ...schema.value.map((c) => formatColumn(c, keyword)),
  ].join(', ');
}
