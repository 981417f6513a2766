/**
 * The JSON format for keys and values. Several columns (or one, wrapped) are an object keyed by
 * column name; an unwrapped single column is the bare value. Reading parses once — `JSON.parse`,
 * or the lossless parser when a DECIMAL is wider than a double — then converts with readers
 * compiled for the schema (json-read.ts); writing builds the text directly (json-write.ts).
 */
import { isUtf8 } from 'node:buffer';
import type { Column } from '../../types/logical-schema';
import { struct } from '../../types/sql-type';
import { isJsonObject } from './json-nodes';
import { parseJsonLenient } from './json-parse';
import { JsonPathError, atPath, cannotConvert, compileJsonReader, readRoot } from './json-read';
import { compileJsonWriter, compileObjectWriter } from './json-write';
import { createFieldLookup } from './json-fields';
import type { RowCodec } from './types';
import { requiredTypeName } from './type-names';
import type { SqlType } from '../../types/sql-type';

/** DECIMALs with more digits than a double holds exactly need the lossless parser. */
function needsLossless(t: SqlType): boolean {
  switch (t.kind) {
    case 'DECIMAL':
      return t.precision > 15;
    case 'ARRAY':
      return needsLossless(t.element);
    case 'MAP':
      return needsLossless(t.value);
    case 'STRUCT':
      return t.fields.some((f) => needsLossless(f.type));
    default:
      return false;
  }
}

/** Parses a document as Jackson's readTree would (see json-parse.ts for the leniencies). */
export function parseJsonDocument(bytes: Buffer, lossless: boolean): unknown {
  if (!isUtf8(bytes)) throw new Error('Invalid UTF-8 in JSON document');
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!lossless) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      // Fall through: the lenient parser accepts what Jackson accepts, or explains the failure.
    }
  }
  return parseJsonLenient(text, { lossless });
}

export function createJsonCodec(columns: readonly Column[], wrapped: boolean): RowCodec {
  const lossless = columns.some((c) => needsLossless(c.type));
  if (!wrapped) {
    const column = columns[0]!;
    const reader = compileJsonReader(column.type);
    const writer = compileJsonWriter(column.type);
    return {
      encode: (values) => {
        const v = values[0];
        return v === null || v === undefined ? null : Buffer.from(writer(v), 'utf8');
      },
      decode: (bytes) => [readRoot(reader, parseJsonDocument(bytes, lossless))],
    };
  }
  const names = columns.map((c) => c.name);
  const readers = columns.map((c) => compileJsonReader(c.type));
  const lookup = createFieldLookup(names);
  const rowType = requiredTypeName(struct(columns.map((c) => ({ name: c.name, type: c.type }))));
  const writer = compileObjectWriter(
    names,
    columns.map((c) => compileJsonWriter(c.type)),
    (row, i) => (row as readonly unknown[])[i],
  );
  const paths = names.map((n) => `$.${n}`);
  return {
    encode: (values) => Buffer.from(writer(values), 'utf8'),
    decode: (bytes) => {
      const node = parseJsonDocument(bytes, lossless);
      if (node === null) return null;
      if (!isJsonObject(node)) throw new JsonPathError(cannotConvert(node, rowType).message, '$');
      const raw = lookup(node);
      const out: unknown[] = new Array(names.length);
      for (let i = 0; i < names.length; i++) {
        try {
          out[i] = readers[i]!(raw[i]);
        } catch (e) {
          throw atPath(e, paths[i]!);
        }
      }
      return out;
    },
  };
}
