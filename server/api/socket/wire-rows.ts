import type { ColumnInfo } from '../../../lib/contracts/columns';
import type { QuerySchemaEvent } from '../../../lib/contracts/query';
import type { QueryHandle, ResultRow } from '../../engine/queries/query-handle';
import { compileToJson } from '../../kafka/serde';
import { formatType } from '../../types/sql-type';

/** A result row as it travels to the browser: JSON-able values in column order. */
export interface WireRow {
  readonly values: readonly unknown[];
  readonly tombstone: boolean;
}

const PSEUDO = new Set(['ROWTIME', 'ROWPARTITION', 'ROWOFFSET', 'WINDOWSTART', 'WINDOWEND']);

/** The `query:schema` event of a query handle. */
export function schemaEvent(runId: string, handle: QueryHandle): QuerySchemaEvent {
  const columns: ColumnInfo[] = handle.columns.map((c) => ({
    name: c.name,
    type: formatType(c.type),
    ...(c.key ? { key: true } : {}),
    ...(PSEUDO.has(c.name) ? { pseudo: true } : {}),
  }));
  const keyIndexes = handle.columns.flatMap((c, i) => (c.key ? [i] : []));
  return {
    runId,
    queryId: handle.id,
    columns,
    mode: handle.mode,
    keyIndexes,
    ...(handle.window
      ? {
          window: {
            type: handle.window.type,
            ...(handle.window.sizeMs !== undefined ? { sizeMs: handle.window.sizeMs } : {}),
          },
        }
      : {}),
    kind: handle.kind,
  };
}

/**
 * Converts rows of one query to wire form; converters are compiled once per run, since a push
 * query may deliver thousands of rows a second.
 */
export function wireConverter(handle: QueryHandle): (rows: readonly ResultRow[]) => WireRow[] {
  const converters = handle.columns.map((c) => compileToJson(c.type));
  return (rows) =>
    rows.map((row) => ({
      values: converters.map((convert, i) => {
        const value = row.values[i];
        return value === undefined ? null : convert(value);
      }),
      tombstone: row.tombstone === true,
    }));
}

/** A stable text identity of a row's key (key columns and window bounds), for upsert compaction. */
export function rowKey(values: readonly unknown[], keyIndexes: readonly number[]): string {
  return JSON.stringify(keyIndexes.map((i) => values[i] ?? null));
}
