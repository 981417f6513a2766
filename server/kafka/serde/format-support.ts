/**
 * Which schemas each format can hold, checked when a serde is created so the engine can reject the
 * statement with ksqlDB's message, and the codec for a supported one.
 */
import type { FormatInfo, SerdeFeatures } from '../../types/formats';
import { SCHEMA_REGISTRY_FORMATS } from '../../types/formats';
import type { Column } from '../../types/logical-schema';
import { formatType, isPrimitive, type SqlType } from '../../types/sql-type';
import { createDelimitedCodec } from './delimited-codec';
import { createJsonCodec } from './json-codec';
import { EMPTY_CODEC, KAFKA_TYPES, createKafkaCodec } from './kafka-codec';
import { SerdeError } from './serde-error';
import type { RowCodec } from './types';

function columnList(columns: readonly Column[]): string {
  return `[${columns.map((c) => `\`${c.name}\` ${formatType(c.type)}${c.namespace === 'KEY' ? ' KEY' : ''}`).join(', ')}]`;
}

function containsMap(t: SqlType): boolean {
  switch (t.kind) {
    case 'MAP':
      return true;
    case 'ARRAY':
      return containsMap(t.element);
    case 'STRUCT':
      return t.fields.some((f) => containsMap(f.type));
    default:
      return false;
  }
}

function hasNonStringMapKey(t: SqlType): boolean {
  switch (t.kind) {
    case 'MAP':
      return t.key.kind !== 'STRING' || hasNonStringMapKey(t.value);
    case 'ARRAY':
      return hasNonStringMapKey(t.element);
    case 'STRUCT':
      return t.fields.some((f) => hasNonStringMapKey(f.type));
    default:
      return false;
  }
}

/** Key columns may not contain maps in any format (ksqlDB issue 6621). */
export function checkKeyColumns(columns: readonly Column[]): void {
  for (const c of columns) {
    if (containsMap(c.type)) {
      throw new SerdeError(
        'Map keys, including types that contain maps, are not supported as they may lead to unexpected ' +
          `behavior due to inconsistent serialization. Key column name: \`${c.name}\`. Column type: ` +
          `${formatType(c.type)}. See https://github.com/confluentinc/ksql/issues/6621 for more.`,
      );
    }
  }
}

export interface CodecRequest {
  readonly format: FormatInfo;
  readonly columns: readonly Column[];
  readonly features: SerdeFeatures;
  /** JSON wraps a single value column by default but not a single key column. */
  readonly isKey: boolean;
}

/** Validates the schema against the format and builds its codec; throws SerdeError if unsupported. */
export function createRowCodec({ format, columns, features, isKey }: CodecRequest): RowCodec {
  const name = format.format;
  if (SCHEMA_REGISTRY_FORMATS.includes(name) || name === 'PROTOBUF_NOSR') {
    throw new SerdeError(`The '${name}' format is not supported yet.`);
  }
  if (features.wrapSingleValues === false && columns.length !== 1 && name === 'JSON') {
    throw new SerdeError("'WRAP_SINGLE_VALUE' is only valid for single-field value schemas");
  }
  switch (name) {
    case 'NONE':
      if (columns.length > 0) {
        throw new SerdeError(
          `The 'NONE' format can only be used when no columns are defined. Got: ${columnList(columns)}`,
        );
      }
      return EMPTY_CODEC;
    case 'KAFKA': {
      if (columns.length === 0) return EMPTY_CODEC;
      if (columns.length > 1) {
        throw new SerdeError(`The 'KAFKA' format only supports a single field. Got: ${columnList(columns)}`);
      }
      const only = columns[0]!;
      if (!KAFKA_TYPES.has(only.type.kind)) {
        throw new SerdeError(`The 'KAFKA' format does not support type '${only.type.kind}'`);
      }
      return createKafkaCodec(only);
    }
    case 'DELIMITED': {
      const bad = columns.find((c) => !isPrimitive(c.type));
      if (bad) {
        throw new SerdeError(
          `The 'DELIMITED' format does not support type '${bad.type.kind}', column: \`${bad.name}\``,
        );
      }
      const delimiter = format.delimiter ?? ',';
      if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\r' || delimiter === '\n') {
        throw new SerdeError(`Invalid delimiter for the 'DELIMITED' format: '${delimiter}'`);
      }
      return createDelimitedCodec(columns, delimiter);
    }
    case 'JSON': {
      if (columns.some((c) => hasNonStringMapKey(c.type))) {
        throw new SerdeError('JSON only supports MAP types with STRING keys');
      }
      const wrapped = columns.length !== 1 || (features.wrapSingleValues ?? !isKey);
      return createJsonCodec(columns, wrapped);
    }
    default:
      throw new SerdeError(`Unknown format: ${String(name)}`);
  }
}
