/**
 * Serializers and deserializers for record keys and values (JSON, KAFKA, DELIMITED, NONE), header
 * columns, JSON value conversion for the API, and PRINT's format detection.
 *
 * Serdes are built once per schema (`createKeySerde` / `createValueSerde`, which throw SerdeError
 * when the format cannot hold the schema) and then used per record; deserializing throws only
 * SerdeError, so the engine can skip, count and log a bad record.
 */
export { SerdeError } from './serde-error';
export type { DeserializedKey, KafkaHeaders, KeySerde, ValueSerde } from './types';
export { createKeySerde } from './key-serde';
export { createValueSerde } from './value-serde';
export { extractHeaderColumns } from './headers';
export { compileToJson, fromJsonValue, toJsonValue, writeJsonText } from './json-value';
export {
  detectFormat,
  formatForPrint,
  type PrintBaseFormat,
  type PrintFormat,
  type PrintWindowType,
} from './print-format';
export {
  PrintFormatDetector,
  formatPrintRecord,
  formatRowtime,
  formatsLine,
  type PrintRecord,
} from './print-detector';
