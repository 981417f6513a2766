/**
 * Converting parsed JSON to run-time values of a SQL type, with the coercions of ksqlDB's
 * KsqlJsonDeserializer (which reads through Jackson):
 * - BOOLEAN only from true/false;
 * - INTEGER/BIGINT from any number (truncated, then wrapped to 32/64 bits like Java's intValue)
 *   or from text that Integer/Long.parseLong accepts;
 * - DOUBLE from any number or Double.parseDouble text;
 * - STRING from anything: numbers and booleans as text, objects as compact JSON, arrays as
 *   `[a, b]` (elements read as STRING);
 * - DECIMAL from a number or numeric text, exactly, failing rather than rounding;
 * - BYTES from base64 text; TIMESTAMP/DATE/TIME from numbers or integer text;
 * - ARRAY/MAP/STRUCT from arrays/objects; struct fields match case-insensitively (json-fields.ts).
 * JSON null and missing fields read as null.
 *
 * A reader is compiled once per type; failures throw JsonPathError carrying ksqlDB's message and the
 * path (`$.A[0].B`) so the serde can report `…, path: $.A[0].B`.
 */
import { isDecimal } from '../../types/decimal';
import { parseJavaDouble } from '../../types/java-format';
import type { SqlType } from '../../types/sql-type';
import { decodeBase64, invalidBase64Message } from './base64';
import { fitDecimalText, integerBitsOfText, parseJavaIntegerStrict } from './decimal-text';
import { createFieldLookup, defineField } from './json-fields';
import { JsonBigNumber, JsonMissing, isJsonObject, jacksonNodeType, stringifyNode } from './json-nodes';
import { requiredTypeName } from './type-names';

export type JsonReader = (node: unknown) => unknown;

/** A conversion failure: ksqlDB's raw message and where in the document it happened. */
export class JsonPathError extends Error {
  override readonly name = 'JsonPathError';

  constructor(
    readonly raw: string,
    readonly path: string,
  ) {
    super(`${raw}, path: ${path}`);
  }
}

/** Reads `node` as the document root; failures carry the path from `$`. */
export function readRoot(reader: JsonReader, node: unknown): unknown {
  try {
    return reader(node);
  } catch (e) {
    throw atPath(e, '$');
  }
}

export function atPath(e: unknown, part: string): JsonPathError {
  if (e instanceof JsonPathError) return new JsonPathError(e.raw, part + e.path);
  return new JsonPathError(e instanceof Error ? e.message : String(e), part);
}

export function cannotConvert(node: unknown, type: string): Error {
  return new Error(`Can't convert type. sourceType: ${jacksonNodeType(node)}, requiredType: ${type}`);
}

function cannotCoerce(type: string): Error {
  return new Error(`Can't coerce string to type. targetType: ${type}`);
}

const LONG_LIMIT = 2 ** 63;
const MS_PER_DAY = 86_400_000;

/** Jackson's asLong() of a double: truncated, low 64 bits; non-finite (overflowed) reads as 0. */
function toLong(n: number): number {
  if (!Number.isFinite(n)) return 0;
  const t = Math.trunc(n);
  return Math.abs(t) < LONG_LIMIT ? t + 0 : Number(BigInt.asIntN(64, BigInt(t)));
}

function readLong(node: unknown, type: string): number {
  if (typeof node === 'number') return toLong(node);
  if (node instanceof JsonBigNumber) return integerBitsOfText(node.text, 64);
  if (typeof node === 'string') {
    const v = parseJavaIntegerStrict(node, 64);
    if (v === undefined) throw cannotCoerce(type);
    return v;
  }
  throw cannotConvert(node, type);
}

const readBoolean: JsonReader = (node) => {
  if (node === null || node === undefined) return null;
  if (typeof node === 'boolean') return node;
  throw cannotConvert(node, 'BOOLEAN');
};

const readInteger: JsonReader = (node) => {
  if (node === null || node === undefined) return null;
  if (typeof node === 'number') return Math.trunc(node) | 0;
  if (node instanceof JsonBigNumber) return integerBitsOfText(node.text, 32);
  if (typeof node === 'string') {
    const v = parseJavaIntegerStrict(node, 32);
    if (v === undefined) throw cannotCoerce('INTEGER');
    return v;
  }
  throw cannotConvert(node, 'INTEGER');
};

const readBigint: JsonReader = (node) =>
  node === null || node === undefined ? null : readLong(node, 'BIGINT');

const readTimestamp: JsonReader = (node) =>
  node === null || node === undefined ? null : readLong(node, 'TIMESTAMP');

const readDate: JsonReader = (node) => (node === null || node === undefined ? null : readLong(node, 'DATE'));

const readTime: JsonReader = (node) => {
  if (node === null || node === undefined) return null;
  const ms = readLong(node, 'TIME');
  if (ms < 0 || ms > MS_PER_DAY) {
    throw new Error('Time values must use number of milliseconds greater than 0 and less than 86400000.');
  }
  return ms;
};

const readDouble: JsonReader = (node) => {
  if (node === null || node === undefined) return null;
  if (typeof node === 'number') return node;
  if (node instanceof JsonBigNumber) return Number(node.text);
  if (typeof node === 'string') {
    try {
      return parseJavaDouble(node);
    } catch {
      throw cannotCoerce('DOUBLE');
    }
  }
  throw cannotConvert(node, 'DOUBLE');
};

const readString: JsonReader = (node) => {
  if (node === null || node === undefined) return null;
  switch (typeof node) {
    case 'string':
      return node;
    case 'number':
    case 'boolean':
      return String(node);
    default:
      if (Array.isArray(node)) return `[${node.map((e) => String(readString(e))).join(', ')}]`;
      if (node instanceof JsonBigNumber) return node.text;
      if (node instanceof JsonMissing) return '';
      return stringifyNode(node);
  }
};

const readBytes: JsonReader = (node) => {
  if (node === null || node === undefined) return null;
  if (typeof node === 'string') {
    const bytes = decodeBase64(node);
    if (bytes === undefined) throw new Error(invalidBase64Message(node));
    return bytes;
  }
  throw cannotConvert(node, 'BYTES');
};

function decimalReader(precision: number, scale: number): JsonReader {
  const name = `DECIMAL(${precision}, ${scale})`;
  const invalid = (): Error => cannotCoerce(name);
  return (node) => {
    if (node === null || node === undefined) return null;
    if (typeof node === 'number') return fitDecimalText(String(node), precision, scale, invalid);
    if (typeof node === 'string') return fitDecimalText(node, precision, scale, invalid);
    if (node instanceof JsonBigNumber) return fitDecimalText(node.text, precision, scale, invalid);
    // Callers of fromJsonValue may hand over values that are already decimals.
    if (isDecimal(node)) return fitDecimalText(node.toString(), precision, scale, invalid);
    throw cannotConvert(node, name);
  };
}

/** Builds the reader for `type` once; the reader is then applied to every record. */
export function compileJsonReader(type: SqlType): JsonReader {
  switch (type.kind) {
    case 'BOOLEAN':
      return readBoolean;
    case 'INTEGER':
      return readInteger;
    case 'BIGINT':
      return readBigint;
    case 'DOUBLE':
      return readDouble;
    case 'STRING':
      return readString;
    case 'BYTES':
      return readBytes;
    case 'TIMESTAMP':
      return readTimestamp;
    case 'DATE':
      return readDate;
    case 'TIME':
      return readTime;
    case 'DECIMAL':
      return decimalReader(type.precision, type.scale);
    case 'ARRAY':
      return arrayReader(type, compileJsonReader(type.element));
    case 'MAP':
      return mapReader(type, compileJsonReader(type.key), compileJsonReader(type.value));
    case 'STRUCT':
      return structReader(type);
  }
}

function arrayReader(type: SqlType, element: JsonReader): JsonReader {
  const name = requiredTypeName(type);
  return (node) => {
    if (node === null || node === undefined) return null;
    if (!Array.isArray(node)) throw cannotConvert(node, name);
    const out: unknown[] = new Array(node.length);
    for (let i = 0; i < node.length; i++) {
      try {
        out[i] = element(node[i]);
      } catch (e) {
        throw atPath(e, `[${i}]`);
      }
    }
    return out;
  };
}

function mapReader(type: SqlType, key: JsonReader, value: JsonReader): JsonReader {
  const name = requiredTypeName(type);
  return (node) => {
    if (node === null || node === undefined) return null;
    if (!isJsonObject(node)) throw cannotConvert(node, name);
    const out = new Map<unknown, unknown>();
    for (const k in node) {
      let mapKey: unknown;
      try {
        mapKey = key(k);
      } catch (e) {
        throw atPath(e, `.${k}.key`);
      }
      try {
        out.set(mapKey, value(node[k]));
      } catch (e) {
        throw atPath(e, `.${k}.value`);
      }
    }
    return out;
  };
}

function structReader(type: Extract<SqlType, { kind: 'STRUCT' }>): JsonReader {
  const name = requiredTypeName(type);
  const names = type.fields.map((f) => f.name);
  const readers = type.fields.map((f) => compileJsonReader(f.type));
  const lookup = createFieldLookup(names);
  const plainNames = names.every((n) => n !== '__proto__');
  return (node) => {
    if (node === null || node === undefined) return null;
    if (!isJsonObject(node)) throw cannotConvert(node, name);
    const raw = lookup(node);
    const out: Record<string, unknown> = {};
    for (let i = 0; i < names.length; i++) {
      const field = names[i]!;
      let v: unknown;
      try {
        v = readers[i]!(raw[i]);
      } catch (e) {
        throw atPath(e, `.${field}`);
      }
      if (plainNames) out[field] = v;
      else defineField(out, field, v);
    }
    return out;
  };
}
