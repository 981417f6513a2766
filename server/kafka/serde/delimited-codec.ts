/**
 * The DELIMITED format: one CSV record (delimited-csv.ts), one field per column, primitive types
 * only. Text forms are ksqlDB's: BOOLEAN `true`/`false` (reading: `true` in any case, anything
 * else false, like Java's Boolean.parseBoolean); integers and TIMESTAMP/DATE/TIME as decimal
 * integers (epoch millis / epoch days / millis of day); DOUBLE in Java's form (`1.0E10`); DECIMAL in
 * plain notation with its scale; BYTES as base64. An empty field reads as null.
 */
import { isDecimal } from '../../types/decimal';
import type { Column } from '../../types/logical-schema';
import { formatDouble, parseJavaDouble } from '../../types/java-format';
import type { SqlType } from '../../types/sql-type';
import { decodeBase64, encodeBase64, invalidBase64Message } from './base64';
import { fitDecimalText, parseJavaIntegerStrict } from './decimal-text';
import { formatCsv, parseCsv } from './delimited-csv';
import type { RowCodec } from './types';

type Parse = (text: string) => unknown;
type Format = (value: unknown) => string;

const MS_PER_DAY = 86_400_000;

function numberFormatError(text: string): Error {
  return new Error(`For input string: "${text.length > 100 ? `${text.slice(0, 100)}…` : text}"`);
}

function integer(bits: 32 | 64): Parse {
  return (text) => {
    const v = parseJavaIntegerStrict(text, bits);
    if (v === undefined) throw numberFormatError(text);
    return v;
  };
}

function parserFor(type: SqlType): Parse {
  switch (type.kind) {
    case 'BOOLEAN':
      return (text) => text.toLowerCase() === 'true';
    case 'INTEGER':
      return integer(32);
    case 'BIGINT':
    case 'TIMESTAMP':
    case 'DATE':
      return integer(64);
    case 'TIME': {
      const long = integer(64);
      return (text) => {
        const ms = long(text) as number;
        if (ms < 0 || ms >= MS_PER_DAY) throw new Error(`TIME value out of range (0 to 86399999 ms): ${ms}`);
        return ms;
      };
    }
    case 'DOUBLE':
      return (text) => parseJavaDouble(text);
    case 'STRING':
      return (text) => text;
    case 'DECIMAL': {
      const { precision, scale } = type;
      return (text) => fitDecimalText(text, precision, scale, () => numberFormatError(text));
    }
    case 'BYTES':
      return (text) => {
        const bytes = decodeBase64(text);
        if (bytes === undefined) throw new Error(invalidBase64Message(text));
        return bytes;
      };
    default:
      throw new Error(`The 'DELIMITED' format does not support type '${type.kind}'`);
  }
}

function formatterFor(type: SqlType): Format {
  switch (type.kind) {
    case 'DOUBLE':
      return (v) => formatDouble(v as number);
    case 'DECIMAL':
      return (v) => (isDecimal(v) ? v.toString() : String(v));
    case 'BYTES':
      return (v) => encodeBase64(v as Uint8Array);
    case 'BOOLEAN':
      return (v) => (v === true ? 'true' : 'false');
    default:
      return (v) => String(v);
  }
}

/** `columns` must all be primitive (format-support.ts checks before this is called). */
export function createDelimitedCodec(columns: readonly Column[], delimiter: string): RowCodec {
  const names = columns.map((c) => c.name);
  const parsers = columns.map((c) => parserFor(c.type));
  const formatters = columns.map((c) => formatterFor(c.type));
  const count = columns.length;
  const delimiterCode = delimiter.charCodeAt(0);
  return {
    encode: (values) => {
      const fields: (string | null)[] = new Array(count);
      for (let i = 0; i < count; i++) {
        const v = values[i];
        fields[i] = v === null || v === undefined ? null : formatters[i]!(v);
      }
      return Buffer.from(formatCsv(fields, delimiter), 'utf8');
    },
    decode: (bytes) => {
      if (count === 0) return [];
      // ksqlDB writes a lone null column as no bytes but then fails to read them back; read them as null.
      if (bytes.length === 0 && count === 1) return [null];
      const records = parseCsv(bytes.toString('utf8'), delimiterCode);
      const fields = records[0];
      if (fields === undefined) throw new Error('No fields in record');
      if (fields.length !== count) {
        throw new Error(
          `Column count mismatch on deserialization. expected: ${count}, got: ${fields.length}`,
        );
      }
      const out: unknown[] = new Array(count);
      for (let i = 0; i < count; i++) {
        const text = fields[i]!;
        try {
          out[i] = text === '' ? null : parsers[i]!(text);
        } catch (e) {
          const reason = e instanceof Error ? e.message : String(e);
          throw new Error(`Error deserializing delimited column ${names[i]}: ${reason}`, { cause: e });
        }
      }
      return out;
    },
  };
}
