/**
 * Serialization formats of keys and values, and the features ksqlDB attaches to them.
 */
export const FORMAT_NAMES = [
  'JSON',
  'KAFKA',
  'DELIMITED',
  'NONE',
  'AVRO',
  'PROTOBUF',
  'PROTOBUF_NOSR',
  'JSON_SR',
] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

/** Formats that need a Schema Registry; Kappa does not support them yet. */
export const SCHEMA_REGISTRY_FORMATS: readonly FormatName[] = ['AVRO', 'PROTOBUF', 'JSON_SR'];

export interface FormatInfo {
  readonly format: FormatName;
  /** DELIMITED only: the single-character delimiter (TAB and SPACE already resolved). Default ','. */
  readonly delimiter?: string;
}

export interface SerdeFeatures {
  /**
   * For a single column: true → wrapped in an object/record (`{"V":1}`), false → the bare value
   * (`1`) — ksqlDB's WRAP_SINGLE_VALUE / UNWRAP_SINGLES. Undefined means the format's default
   * (JSON values are wrapped, keys are not).
   */
  readonly wrapSingleValues?: boolean;
}

export type WindowType = 'TUMBLING' | 'HOPPING' | 'SESSION';

export interface WindowInfo {
  readonly type: WindowType;
  /** Size for TUMBLING and HOPPING windows. */
  readonly sizeMs?: number;
  readonly advanceMs?: number;
}

/** A window's bounds, carried with windowed keys. `end` is exclusive for time windows. */
export interface WindowBounds {
  readonly start: number;
  readonly end: number;
}
