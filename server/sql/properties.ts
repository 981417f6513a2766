/**
 * WITH (...) properties Kappa knows, with what completion offers as values. Names follow ksqlDB's
 * CommonCreateConfigs / CreateConfigs; `statements` says where each one is meaningful.
 */
export type PropertyContext = 'create-source' | 'create-as-select' | 'insert' | 'assert-topic' | 'connector';

export interface PropertyInfo {
  readonly name: string;
  readonly description: string;
  readonly valueKind: 'string' | 'integer' | 'boolean';
  /** Allowed values, as SQL literals (strings quoted). Absent when any value of the kind goes. */
  readonly values?: readonly string[];
  readonly statements: readonly PropertyContext[];
}

const FORMATS = [
  "'JSON'",
  "'KAFKA'",
  "'DELIMITED'",
  "'NONE'",
  "'AVRO'",
  "'PROTOBUF'",
  "'PROTOBUF_NOSR'",
  "'JSON_SR'",
];
const CREATE: readonly PropertyContext[] = ['create-source', 'create-as-select'];
const BOOLEAN = ['true', 'false'];

export const WITH_PROPERTIES: readonly PropertyInfo[] = [
  { name: 'KAFKA_TOPIC', description: 'Topic backing the stream or table', valueKind: 'string', statements: CREATE },
  { name: 'VALUE_FORMAT', description: 'Serialization format of record values', valueKind: 'string', values: FORMATS, statements: CREATE },
  { name: 'KEY_FORMAT', description: 'Serialization format of record keys', valueKind: 'string', values: FORMATS, statements: CREATE },
  { name: 'FORMAT', description: 'Sets both KEY_FORMAT and VALUE_FORMAT', valueKind: 'string', values: FORMATS, statements: CREATE },
  { name: 'PARTITIONS', description: 'Partition count when the topic is created', valueKind: 'integer', statements: [...CREATE, 'assert-topic'] },
  { name: 'REPLICAS', description: 'Replication factor when the topic is created', valueKind: 'integer', statements: [...CREATE, 'assert-topic'] },
  { name: 'RETENTION_MS', description: 'Topic retention in milliseconds when it is created', valueKind: 'integer', statements: CREATE },
  { name: 'CLEANUP_POLICY', description: 'Topic cleanup policy when it is created', valueKind: 'string', values: ["'delete'", "'compact'", "'compact,delete'"], statements: ['create-source'] },
  { name: 'TIMESTAMP', description: 'Column that supplies ROWTIME', valueKind: 'string', statements: CREATE },
  { name: 'TIMESTAMP_FORMAT', description: 'Pattern for a STRING TIMESTAMP column', valueKind: 'string', values: ["'yyyy-MM-dd''T''HH:mm:ssX'", "'yyyy-MM-dd HH:mm:ss'"], statements: CREATE },
  { name: 'VALUE_DELIMITER', description: 'Field delimiter for DELIMITED values', valueKind: 'string', values: ["','", "'TAB'", "'SPACE'", "'|'", "';'"], statements: CREATE },
  { name: 'KEY_DELIMITER', description: 'Field delimiter for DELIMITED keys', valueKind: 'string', values: ["','", "'TAB'", "'SPACE'", "'|'", "';'"], statements: CREATE },
  { name: 'WRAP_SINGLE_VALUE', description: 'Whether a single value column is wrapped in an object', valueKind: 'boolean', values: BOOLEAN, statements: CREATE },
  { name: 'WINDOW_TYPE', description: 'Window type of a windowed source topic', valueKind: 'string', values: ["'TUMBLING'", "'HOPPING'", "'SESSION'"], statements: ['create-source'] },
  { name: 'WINDOW_SIZE', description: "Window size of a windowed source topic, e.g. '10 SECONDS'", valueKind: 'string', statements: ['create-source'] },
  { name: 'KEY_SCHEMA_ID', description: 'Schema Registry id of the key schema', valueKind: 'integer', statements: CREATE },
  { name: 'VALUE_SCHEMA_ID', description: 'Schema Registry id of the value schema', valueKind: 'integer', statements: CREATE },
  { name: 'KEY_SCHEMA_FULL_NAME', description: 'Full name of the key schema', valueKind: 'string', statements: CREATE },
  { name: 'VALUE_SCHEMA_FULL_NAME', description: 'Full name of the value schema', valueKind: 'string', statements: CREATE },
  { name: 'VALUE_AVRO_SCHEMA_FULL_NAME', description: 'Full name of the Avro value schema', valueKind: 'string', statements: CREATE },
  { name: 'KEY_PROTOBUF_NULLABLE_REPRESENTATION', description: 'How nullable key fields are encoded', valueKind: 'string', values: ["'OPTIONAL'", "'WRAPPER'"], statements: CREATE },
  { name: 'VALUE_PROTOBUF_NULLABLE_REPRESENTATION', description: 'How nullable value fields are encoded', valueKind: 'string', values: ["'OPTIONAL'", "'WRAPPER'"], statements: CREATE },
  { name: 'SOURCED_BY_CONNECTOR', description: 'Connector that feeds the source topic', valueKind: 'string', statements: ['create-source'] },
  { name: 'QUERY_ID', description: 'Id for the persistent query instead of a generated one', valueKind: 'string', statements: ['create-as-select', 'insert'] },
  { name: 'CONNECTOR.CLASS', description: 'Kafka Connect connector class', valueKind: 'string', statements: ['connector'] },
]; // prettier-ignore

export function propertyInfo(name: string): PropertyInfo | undefined {
  const upper = name.toUpperCase();
  return WITH_PROPERTIES.find((p) => p.name === upper);
}
