import { MediaTypes } from '../../../lib/contracts/rest';
import type { QueryEnd, QueryHandle, ResultColumn, ResultRow } from '../../engine/queries/query-handle';
import { writeJsonText } from '../../kafka/serde';
import { formatType } from '../../types/sql-type';

/**
 * How a query's output is laid out on the wire. Each piece is text written as it comes, so the
 * response streams (HTTP/1.1 chunked or HTTP/2 DATA frames) and nothing is held back.
 */
export interface QueryEncoding {
  readonly contentType: string;
  /** Written before any row. */
  begin(): string;
  /** One row, or null to skip it (the delimited format has no tombstones). */
  row(row: ResultRow): string | null;
  /** The last text: final message or inline error, closing bracket. */
  end(end: QueryEnd): string;
  /** Written while a push query is idle so a gone client is noticed (legacy /query only). */
  readonly keepAlive?: string;
}

/** "`ID` STRING KEY, `COUNT` BIGINT" — `markKeys` for pull queries against tables (key-marking.ts). */
export function schemaString(columns: QueryHandle['columns'], markKeys: boolean): string {
  return columns
    .map((c) => `${quote(c.name)} ${formatType(c.type)}${markKeys && c.key ? ' KEY' : ''}`)
    .join(', ');
}

function quote(name: string): string {
  return `\`${name.replaceAll('`', '``')}\``;
}

/** Compiles a row writer once per query: a JSON array with exact DECIMAL digits. */
export function rowWriter(columns: readonly ResultColumn[]): (row: ResultRow) => string {
  const types = columns.map((c) => c.type);
  return (row) => {
    let out = '[';
    for (let i = 0; i < types.length; i++) {
      if (i > 0) out += ',';
      const type = types[i];
      out += type === undefined ? 'null' : writeJsonText(row.values[i] ?? null, type);
    }
    return `${out}]`;
  };
}

function errorJson(end: QueryEnd): string {
  return JSON.stringify({
    '@type': 'generic_error',
    error_code: end.error?.code ?? 50000,
    message: end.error?.message ?? 'Query failed',
  });
}

/**
 * ksqlDB's StreamedRow array (/query, and /query-stream with application/vnd.ksql.v1+json): every
 * element but the last is followed by ",\n" so clients can read it line by line, as ksqlDB writes it.
 */
export function streamedRowsEncoding(
  handle: QueryHandle,
  contentType: string,
  markKeys: boolean,
): QueryEncoding {
  const write = rowWriter(handle.columns);
  return {
    contentType,
    keepAlive: handle.kind === 'push' ? '\n' : undefined,
    begin: () =>
      `[${JSON.stringify({ header: { queryId: handle.id, schema: schemaString(handle.columns, markKeys) } })},\n`,
    row: (row) => `{"row":{"columns":${write(row)}${row.tombstone === true ? ',"tombstone":true' : ''}}},\n`,
    end: (end) => {
      switch (end.reason) {
        case 'limit':
          return '{"finalMessage":"Limit Reached"}]\n';
        case 'error':
          return `{"errorMessage":${errorJson(end)}}]\n`;
        case 'completed':
        case 'cancelled':
        case 'terminated':
          return '{"finalMessage":"Query Completed"}]\n';
      }
    },
  };
}

function metadata(handle: QueryHandle): string {
  return JSON.stringify({
    queryId: handle.id,
    columnNames: handle.columns.map((c) => c.name),
    columnTypes: handle.columns.map((c) => formatType(c.type)),
  });
}

/** /query-stream's default: a metadata line, then one JSON array per row; tombstones dropped. */
export function delimitedEncoding(handle: QueryHandle): QueryEncoding {
  const write = rowWriter(handle.columns);
  return {
    contentType: MediaTypes.DELIMITED,
    begin: () => `${metadata(handle)}\n`,
    row: (row) => (row.tombstone === true ? null : `${write(row)}\n`),
    end: (end) => (end.reason === 'error' ? `${errorJson(end)}\n` : ''),
  };
}

/** /query-stream with Accept: application/json — one JSON array `[metadata, row, row, …]`. */
export function jsonArrayEncoding(handle: QueryHandle): QueryEncoding {
  const write = rowWriter(handle.columns);
  return {
    contentType: MediaTypes.JSON,
    begin: () => `[${metadata(handle)}`,
    row: (row) => (row.tombstone === true ? null : `,${write(row)}`),
    end: (end) => (end.reason === 'error' ? `,${errorJson(end)}]` : ']'),
  };
}

/**
 * PRINT: plain text lines as ksqlDB's topic printer writes them. A PRINT handle's rows carry the
 * formatted line in a single STRING column; several columns are shown as `name: value` pairs.
 */
export function printEncoding(handle: QueryHandle, contentType: string): QueryEncoding {
  const single = handle.columns.length === 1;
  return {
    contentType,
    begin: () => '',
    row: (row) => {
      if (single) return `${String(row.values[0] ?? '')}\n`;
      const parts = handle.columns.map((c, i) => `${c.name.toLowerCase()}: ${String(row.values[i] ?? '')}`);
      return `${parts.join(', ')}\n`;
    },
    end: (end) => (end.reason === 'error' ? `${errorJson(end)}\n` : ''),
  };
}
