/**
 * Keyword sets. Three views of the same vocabulary:
 * - ksqlDB's reserved words (its lexer keywords minus its `nonReserved` rule): the formatter quotes
 *   these, so its output parses in ksqlDB as well as here;
 * - Kappa's reserved words: a subset, because a hand-written parser knows the context and can accept
 *   words like SIZE or TOPIC as names where ksqlDB cannot;
 * - extra words Kappa's grammar adds (ORDER BY, OFFSET, ...), all non-reserved.
 */
const KSQL_RESERVED_LIST = [
  'SELECT', 'FROM', 'AS', 'ALL', 'DISTINCT', 'WHERE', 'WITHIN', 'WINDOW', 'GROUP', 'BY', 'HAVING',
  'LIMIT', 'AT', 'OR', 'AND', 'IN', 'NOT', 'EXISTS', 'BETWEEN', 'LIKE', 'IS', 'NULL', 'TRUE', 'FALSE',
  'MILLISECOND', 'YEARS', 'MONTHS', 'DAYS', 'HOURS', 'MINUTES', 'SECONDS', 'MILLISECONDS', 'TUMBLING',
  'HOPPING', 'SIZE', 'ADVANCE', 'RETENTION', 'CASE', 'WHEN', 'THEN', 'ELSE', 'END', 'JOIN', 'FULL',
  'OUTER', 'INNER', 'LEFT', 'RIGHT', 'ON', 'WITH', 'VALUES', 'CREATE', 'TABLE', 'TOPIC', 'STREAM',
  'STREAMS', 'INSERT', 'DELETE', 'INTO', 'DESCRIBE', 'EXTENDED', 'PRINT', 'CAST', 'LIST', 'TOPICS',
  'QUERY', 'QUERIES', 'TERMINATE', 'LOAD', 'DROP', 'TO', 'RENAME', 'SAMPLE', 'EXPORT', 'CATALOG',
  'PROPERTIES', 'BEGINNING', 'UNSET', 'RUN', 'SCRIPT', 'DECIMAL', 'CONNECTOR', 'CONNECTORS', 'NAMESPACE',
  'MATERIALIZED', 'VIEW',
]; // prettier-ignore

/** Words reserved by ksqlDB that Kappa's parser nevertheless accepts as names (never ambiguous here). */
const RELAXED = [
  'SIZE', 'ADVANCE', 'RETENTION', 'BEGINNING', 'TOPIC', 'TOPICS', 'QUERIES', 'QUERY', 'PROPERTIES',
  'LOAD', 'RENAME', 'SAMPLE', 'EXPORT', 'CATALOG', 'NAMESPACE', 'MATERIALIZED', 'VIEW', 'CONNECTOR',
  'CONNECTORS', 'SCRIPT', 'TO', 'AT',
]; // prettier-ignore

/** ksqlDB's non-reserved keywords plus Kappa's own additions. */
const NON_RESERVED_LIST = [
  'SHOW', 'TABLES', 'COLUMNS', 'COLUMN', 'PARTITIONS', 'FUNCTIONS', 'FUNCTION', 'SESSION', 'STRUCT',
  'MAP', 'ARRAY', 'PARTITION', 'INTEGER', 'DATE', 'TIME', 'TIMESTAMP', 'INTERVAL', 'ZONE', 'STRING',
  'YEAR', 'MONTH', 'DAY', 'HOUR', 'MINUTE', 'SECOND', 'EXPLAIN', 'ANALYZE', 'TYPE', 'TYPES', 'SET',
  'RESET', 'IF', 'SOURCE', 'SINK', 'PRIMARY', 'KEY', 'EMIT', 'CHANGES', 'FINAL', 'ESCAPE', 'REPLACE',
  'ASSERT', 'ALTER', 'ADD', 'HEADER', 'HEADERS', 'GRACE', 'PERIOD', 'DEFINE', 'UNDEFINE', 'VARIABLES',
  'PLUGINS', 'SYSTEM', 'TIMEOUT', 'SCHEMA', 'SUBJECT', 'ID',
  // Kappa additions
  'ORDER', 'ASC', 'DESC', 'OFFSET', 'PAUSE', 'RESUME', 'CASCADE',
]; // prettier-ignore

export const KSQL_RESERVED: ReadonlySet<string> = new Set(KSQL_RESERVED_LIST);

/** Words the parser never takes as an unquoted identifier. */
export const RESERVED: ReadonlySet<string> = new Set(KSQL_RESERVED_LIST.filter((w) => !RELAXED.includes(w)));

/** Every keyword the parser knows, reserved or not. */
export const ALL_KEYWORDS: ReadonlySet<string> = new Set([...KSQL_RESERVED_LIST, ...NON_RESERVED_LIST]);

/**
 * Non-reserved words that start special expressions (`ARRAY[`, `MAP(`, `STRUCT(`): a column of that
 * name must be quoted in some positions, so the formatter always quotes it.
 */
export const FORMAT_QUOTED: ReadonlySet<string> = new Set(['ARRAY', 'MAP', 'STRUCT']);
