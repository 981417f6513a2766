import { bindError } from '../../bind/bind-error';
import { literalAsPropertyValue } from '../../bind/literals';
import type { Property } from '../../sql/ast';
import { FORMAT_NAMES, type FormatName, type WindowType } from '../../types/formats';

/** The WITH (…) properties of CREATE STREAM/TABLE [AS SELECT] and INSERT INTO, typed. */
export interface WithProperties {
  readonly kafkaTopic?: string;
  readonly keyFormat?: FormatName;
  readonly valueFormat?: FormatName;
  readonly format?: FormatName;
  readonly partitions?: number;
  readonly replicas?: number;
  readonly timestamp?: string;
  readonly timestampFormat?: string;
  readonly wrapSingleValue?: boolean;
  readonly valueDelimiter?: string;
  readonly keyDelimiter?: string;
  readonly windowType?: WindowType;
  readonly windowSizeMs?: number;
  readonly retentionMs?: number;
  readonly queryId?: string;
  /** Schema Registry properties (rejected: no registry support yet). */
  readonly schemaRegistry: readonly string[];
}

const KNOWN = new Set([
  'KAFKA_TOPIC',
  'KEY_FORMAT',
  'VALUE_FORMAT',
  'FORMAT',
  'PARTITIONS',
  'REPLICAS',
  'TIMESTAMP',
  'TIMESTAMP_FORMAT',
  'WRAP_SINGLE_VALUE',
  'VALUE_DELIMITER',
  'KEY_DELIMITER',
  'WINDOW_TYPE',
  'WINDOW_SIZE',
  'RETENTION_MS',
  'CLEANUP_POLICY',
  'QUERY_ID',
]);
const SCHEMA_REGISTRY = new Set([
  'KEY_SCHEMA_ID',
  'VALUE_SCHEMA_ID',
  'KEY_SCHEMA_FULL_NAME',
  'VALUE_SCHEMA_FULL_NAME',
  'VALUE_AVRO_SCHEMA_FULL_NAME',
  'KEY_PROTOBUF_NULLABLE_REPRESENTATION',
  'VALUE_PROTOBUF_NULLABLE_REPRESENTATION',
]);

export function parseWithProperties(properties: readonly Property[]): WithProperties {
  const out: Record<string, unknown> = { schemaRegistry: [] };
  const unknown: string[] = [];
  for (const p of properties) {
    const v = literalAsPropertyValue(p.value);
    const text = v === null ? '' : String(v);
    if (SCHEMA_REGISTRY.has(p.name)) {
      (out.schemaRegistry as string[]).push(p.name);
      continue;
    }
    if (!KNOWN.has(p.name)) {
      unknown.push(p.name);
      continue;
    }
    switch (p.name) {
      case 'KAFKA_TOPIC':
        if (text.trim() === '') throw bindError('KAFKA_TOPIC must not be empty', p.span);
        out.kafkaTopic = text;
        break;
      case 'KEY_FORMAT':
        out.keyFormat = format(text, p);
        break;
      case 'VALUE_FORMAT':
        out.valueFormat = format(text, p);
        break;
      case 'FORMAT':
        out.format = format(text, p);
        break;
      case 'PARTITIONS':
        out.partitions = positiveInt(v, p, 'PARTITIONS');
        break;
      case 'REPLICAS':
        out.replicas = positiveInt(v, p, 'REPLICAS');
        break;
      case 'TIMESTAMP':
        out.timestamp = text.toUpperCase();
        break;
      case 'TIMESTAMP_FORMAT':
        out.timestampFormat = text;
        break;
      case 'WRAP_SINGLE_VALUE':
        out.wrapSingleValue = v === true || text.toLowerCase() === 'true';
        break;
      case 'VALUE_DELIMITER':
        out.valueDelimiter = delimiter(text, p);
        break;
      case 'KEY_DELIMITER':
        out.keyDelimiter = delimiter(text, p);
        break;
      case 'WINDOW_TYPE': {
        const t = text.toUpperCase();
        if (t !== 'TUMBLING' && t !== 'HOPPING' && t !== 'SESSION') {
          throw bindError(`Invalid WINDOW_TYPE '${text}': expected TUMBLING, HOPPING or SESSION`, p.span);
        }
        out.windowType = t;
        break;
      }
      case 'WINDOW_SIZE':
        out.windowSizeMs = durationMs(text, p);
        break;
      case 'RETENTION_MS':
        out.retentionMs = Number(v);
        break;
      case 'QUERY_ID':
        out.queryId = text;
        break;
      default:
        break;
    }
  }
  if (unknown.length > 0) {
    throw bindError(
      `Invalid config variable(s) in the WITH clause: ${unknown.join(',')}`,
      properties.find((p) => p.name === unknown[0])?.span,
    );
  }
  if (out.format !== undefined && (out.keyFormat !== undefined || out.valueFormat !== undefined)) {
    throw bindError(
      `Cannot supply both '${out.keyFormat !== undefined ? 'KEY_FORMAT' : 'VALUE_FORMAT'}' and 'FORMAT' properties, as 'FORMAT' sets both key and value formats. Either use just 'FORMAT', or use 'KEY_FORMAT' and 'VALUE_FORMAT'.`,
    );
  }
  return out as unknown as WithProperties;
}

function format(text: string, p: Property): FormatName {
  const upper = text.toUpperCase();
  if (!(FORMAT_NAMES as readonly string[]).includes(upper))
    throw bindError(`Unknown format: ${upper}`, p.span);
  return upper as FormatName;
}

function positiveInt(v: unknown, p: Property, name: string): number {
  const n = typeof v === 'number' ? v : Number(v);
  if (!Number.isInteger(n) || n < 1)
    throw bindError(`${name} must be a positive integer, got '${String(v)}'`, p.span);
  return n;
}

function delimiter(text: string, p: Property): string {
  const upper = text.toUpperCase();
  if (upper === 'TAB') return '\t';
  if (upper === 'SPACE') return ' ';
  if (text.length !== 1) {
    throw bindError(
      `Invalid delimiter value: '${text}'. Delimiter must be a single character or TAB or SPACE`,
      p.span,
    );
  }
  return text;
}

const UNITS: Record<string, number> = {
  MILLISECOND: 1,
  MILLISECONDS: 1,
  SECOND: 1000,
  SECONDS: 1000,
  MINUTE: 60_000,
  MINUTES: 60_000,
  HOUR: 3_600_000,
  HOURS: 3_600_000,
  DAY: 86_400_000,
  DAYS: 86_400_000,
};

function durationMs(text: string, p: Property): number {
  const m = /^\s*(\d+)\s+([A-Za-z]+)\s*$/.exec(text);
  const unit = m ? UNITS[m[2]!.toUpperCase()] : undefined;
  if (!m || unit === undefined) {
    const unitText = m?.[2] ?? text.trim().split(/\s+/)[1] ?? '';
    throw bindError(
      `Configuration ${p.name} is invalid: Invalid duration: '${text}'. Unknown time unit: '${unitText.toUpperCase()}'`,
      p.span,
    );
  }
  return Number(m[1]) * unit;
}
