/**
 * Writing run-time values as JSON text, the way ksqlDB's JSON serializer (Kafka Connect's
 * JsonConverter over Jackson) does: compact, struct fields in schema order with the schema's names,
 * DECIMAL as a number with its exact digits and scale (`1.10`, never rounded through a double),
 * DOUBLE in Java's form (`1.0`, `1.0E10`; NaN and infinities as the strings Jackson quotes them as),
 * BYTES as base64, TIMESTAMP/DATE/TIME as epoch millis / epoch days / millis of day.
 *
 * Writers are compiled once per type and build the text directly (no intermediate object).
 */
import { isDecimal } from '../../types/decimal';
import { formatDouble } from '../../types/java-format';
import type { SqlType } from '../../types/sql-type';
import { encodeBase64 } from './base64';

/** Writes a value (null included) of the compiled type as JSON text. */
export type JsonWriter = (value: unknown) => string;

/** Java's Double.toString for JSON, with a fast path for the common range. */
export function writeJsonDouble(v: number): string {
  if (Number.isNaN(v)) return '"NaN"';
  if (v === Infinity) return '"Infinity"';
  if (v === -Infinity) return '"-Infinity"';
  const a = Math.abs(v);
  // In [1e-3, 1e7) JavaScript and Java print the same digits, except Java keeps `.0` on integers.
  if (a >= 1e-3 && a < 1e7) return Number.isInteger(v) ? `${v}.0` : String(v);
  return formatDouble(v);
}

function writeNumber(v: unknown): string {
  return v === null || v === undefined ? 'null' : String(v);
}

function writeBoolean(v: unknown): string {
  return v === null || v === undefined ? 'null' : v === true ? 'true' : 'false';
}

function writeString(v: unknown): string {
  return v === null || v === undefined ? 'null' : JSON.stringify(String(v));
}

function writeDouble(v: unknown): string {
  return v === null || v === undefined ? 'null' : writeJsonDouble(v as number);
}

function writeDecimal(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  return isDecimal(v) ? v.toString() : String(v);
}

function writeBytes(v: unknown): string {
  return v === null || v === undefined ? 'null' : `"${encodeBase64(v as Uint8Array)}"`;
}

/** The text a MAP key takes as a JSON object key (JSON keys are strings whatever the key type). */
export function mapKeyText(key: unknown, type: SqlType): string {
  if (type.kind === 'STRING') return String(key);
  if (type.kind === 'DOUBLE') return formatDouble(key as number);
  if (type.kind === 'BYTES') return encodeBase64(key as Uint8Array);
  return String(key);
}

export function compileJsonWriter(type: SqlType): JsonWriter {
  switch (type.kind) {
    case 'BOOLEAN':
      return writeBoolean;
    case 'INTEGER':
    case 'BIGINT':
    case 'TIMESTAMP':
    case 'DATE':
    case 'TIME':
      return writeNumber;
    case 'DOUBLE':
      return writeDouble;
    case 'STRING':
      return writeString;
    case 'DECIMAL':
      return writeDecimal;
    case 'BYTES':
      return writeBytes;
    case 'ARRAY': {
      const element = compileJsonWriter(type.element);
      return (v) => {
        if (v === null || v === undefined) return 'null';
        const a = v as readonly unknown[];
        let out = '[';
        for (let i = 0; i < a.length; i++) out += (i === 0 ? '' : ',') + element(a[i]);
        return `${out}]`;
      };
    }
    case 'MAP': {
      const keyType = type.key;
      const value = compileJsonWriter(type.value);
      return (v) => {
        if (v === null || v === undefined) return 'null';
        let out = '{';
        let first = true;
        for (const [k, x] of v as ReadonlyMap<unknown, unknown>) {
          out += `${first ? '' : ','}${JSON.stringify(mapKeyText(k, keyType))}:${value(x)}`;
          first = false;
        }
        return `${out}}`;
      };
    }
    case 'STRUCT':
      return compileObjectWriter(
        type.fields.map((f) => f.name),
        type.fields.map((f) => compileJsonWriter(f.type)),
        (v, _i, name) => readField(v as Record<string, unknown>, name),
      );
  }
}

/** A struct's field; `__proto__` only as an own property, never the inherited prototype. */
export function readField(struct: Record<string, unknown>, name: string): unknown {
  return name !== '__proto__' || Object.prototype.hasOwnProperty.call(struct, name)
    ? struct[name]
    : undefined;
}

/**
 * An object writer over named parts with precomputed `"NAME":` prefixes; `get` reads part `i`
 * (a struct field by name, or a row column by index).
 */
export function compileObjectWriter(
  names: readonly string[],
  writers: readonly JsonWriter[],
  get: (container: unknown, index: number, name: string) => unknown,
): JsonWriter {
  const prefixes = names.map((n, i) => `${i === 0 ? '{' : ','}${JSON.stringify(n)}:`);
  const count = names.length;
  return (v) => {
    if (v === null || v === undefined) return 'null';
    if (count === 0) return '{}';
    let out = '';
    for (let i = 0; i < count; i++) {
      const x = get(v, i, names[i]!);
      out += prefixes[i]! + writers[i]!(x === undefined ? null : x);
    }
    return `${out}}`;
  };
}
