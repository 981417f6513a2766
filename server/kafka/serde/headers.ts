/**
 * Header columns, read from the record's headers rather than its value:
 * - `HEADERS`: every header as `{KEY, VALUE}` structs in header order, never null (empty array);
 * - `HEADER('k')`: the value of the last header with key `k`, as BYTES, or null.
 *
 * Headers arrive in kafkajs's shape: an object from key to value, or to an array of values when the
 * key repeats. That shape keeps the order within a key but not between keys, so `HEADERS` lists
 * keys in first-seen order with each key's values in order.
 */
import type { Column } from '../../types/logical-schema';
import type { KafkaHeaders } from './types';

function toBytes(v: Buffer | string | null | undefined): Uint8Array | null {
  if (v === null || v === undefined) return null;
  return typeof v === 'string' ? Buffer.from(v, 'utf8') : v;
}

/** The names of the two struct fields, as the column's type spells them (normally KEY and VALUE). */
function entryFieldNames(column: Column): readonly [string, string] {
  const t = column.type;
  if (t.kind === 'ARRAY' && t.element.kind === 'STRUCT' && t.element.fields.length === 2) {
    return [t.element.fields[0]!.name, t.element.fields[1]!.name];
  }
  return ['KEY', 'VALUE'];
}

function allHeaders(headers: KafkaHeaders, [keyField, valueField]: readonly [string, string]): unknown[] {
  const out: unknown[] = [];
  for (const key of Object.keys(headers)) {
    const v = headers[key];
    const values = Array.isArray(v) ? v : [v];
    for (const x of values) out.push({ [keyField]: key, [valueField]: toBytes(x) });
  }
  return out;
}

function lastHeader(headers: KafkaHeaders, key: string): Uint8Array | null {
  if (!Object.prototype.hasOwnProperty.call(headers, key)) return null;
  const v = headers[key];
  if (Array.isArray(v)) return v.length === 0 ? null : toBytes(v[v.length - 1]);
  return toBytes(v);
}

/** The values of `columns` (header columns) for one record; other columns read as null. */
export function extractHeaderColumns(
  columns: readonly Column[],
  headers: KafkaHeaders | undefined,
): unknown[] {
  const h = headers ?? {};
  return columns.map((c) => {
    if (c.header === undefined) return null;
    return c.header.key === undefined ? allHeaders(h, entryFieldNames(c)) : lastHeader(h, c.header.key);
  });
}
