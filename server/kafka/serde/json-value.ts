/**
 * Run-time values ↔ plain JSON data, for everything that speaks JSON outside the Kafka serdes:
 * REST and socket.io results, /inserts-stream rows, test harnesses.
 *
 * `toJsonValue` gives what `JSON.stringify` can write: DECIMAL as a number (use `writeJsonText`
 * when the exact digits matter), BYTES as base64, MAP and STRUCT as objects, TIMESTAMP/DATE/TIME
 * as epoch millis / epoch days / millis of day, NaN and infinities as the strings Jackson writes.
 * `fromJsonValue` is its inverse with the JSON format's coercions (json-read.ts); MAP keys, which
 * are strings in JSON, are converted to the key type. Conversions are compiled once per type object.
 */
import { isDecimal } from '../../types/decimal';
import type { SqlType } from '../../types/sql-type';
import { encodeBase64 } from './base64';
import { defineField } from './json-fields';
import { JsonPathError, compileJsonReader, readRoot, type JsonReader } from './json-read';
import { compileJsonWriter, mapKeyText, readField, type JsonWriter } from './json-write';
import { SerdeError } from './serde-error';

type ToJson = (value: unknown) => unknown;

const toJsonCache = new WeakMap<SqlType, ToJson>();
const fromJsonCache = new WeakMap<SqlType, JsonReader>();
const writerCache = new WeakMap<SqlType, JsonWriter>();

function cached<F>(cache: WeakMap<SqlType, F>, type: SqlType, compile: (t: SqlType) => F): F {
  let f = cache.get(type);
  if (f === undefined) {
    f = compile(type);
    cache.set(type, f);
  }
  return f;
}

/** A run-time value as JSON-able data. */
export function toJsonValue(value: unknown, type: SqlType): unknown {
  return cached(toJsonCache, type, compileToJson)(value);
}

/** JSON data as a run-time value of `type`; throws SerdeError naming the path of a bad part. */
export function fromJsonValue(json: unknown, type: SqlType): unknown {
  try {
    return readRoot(cached(fromJsonCache, type, compileJsonReader), json);
  } catch (e) {
    throw e instanceof JsonPathError ? new SerdeError(e.message) : new SerdeError(String(e));
  }
}

/** A run-time value as compact JSON text, DECIMALs with their exact digits and scale. */
export function writeJsonText(value: unknown, type: SqlType): string {
  return cached(writerCache, type, compileJsonWriter)(value);
}

function jsonDouble(v: number): unknown {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return 'Infinity';
  if (v === -Infinity) return '-Infinity';
  return v;
}

/** Builds the converter once per type (exported for callers converting many values). */
export function compileToJson(type: SqlType): ToJson {
  switch (type.kind) {
    case 'DOUBLE':
      return (v) => (v === null || v === undefined ? null : jsonDouble(v as number));
    case 'DECIMAL':
      return (v) => (v === null || v === undefined ? null : isDecimal(v) ? v.toNumber() : v);
    case 'BYTES':
      return (v) => (v === null || v === undefined ? null : encodeBase64(v as Uint8Array));
    case 'ARRAY': {
      const element = compileToJson(type.element);
      return (v) => (v === null || v === undefined ? null : (v as readonly unknown[]).map((e) => element(e)));
    }
    case 'MAP': {
      const keyType = type.key;
      const value = compileToJson(type.value);
      return (v) => {
        if (v === null || v === undefined) return null;
        const out: Record<string, unknown> = {};
        for (const [k, x] of v as ReadonlyMap<unknown, unknown>)
          defineField(out, mapKeyText(k, keyType), value(x));
        return out;
      };
    }
    case 'STRUCT': {
      const fields = type.fields.map((f) => [f.name, compileToJson(f.type)] as const);
      return (v) => {
        if (v === null || v === undefined) return null;
        const r = v as Record<string, unknown>;
        const out: Record<string, unknown> = {};
        for (const [name, convert] of fields) defineField(out, name, convert(readField(r, name) ?? null));
        return out;
      };
    }
    default:
      return (v) => (v === undefined ? null : v);
  }
}
