/**
 * How SQL values are represented at run time. One representation everywhere (operators, functions,
 * serdes, state stores), so that nothing converts on the hot path.
 *
 * | SQL type      | JS value                                                                 |
 * |---------------|--------------------------------------------------------------------------|
 * | NULL          | `null` (never `undefined`)                                               |
 * | BOOLEAN       | `boolean`                                                                |
 * | INTEGER       | `number` (a 32-bit integer; arithmetic wraps like Java's int)            |
 * | BIGINT        | `number` (an integer; exact within ±2^53, see README "Differences")      |
 * | DOUBLE        | `number`                                                                 |
 * | DECIMAL(p,s)  | `Decimal` (./decimal.ts): an exact bigint unscaled value and a scale     |
 * | STRING        | `string`                                                                 |
 * | BYTES         | `Uint8Array` (a Node `Buffer` is one)                                    |
 * | TIMESTAMP     | `number`: milliseconds since the epoch, UTC                              |
 * | DATE          | `number`: days since the epoch                                           |
 * | TIME          | `number`: milliseconds since midnight                                    |
 * | ARRAY<T>      | `readonly unknown[]`                                                     |
 * | MAP<K,V>      | `ReadonlyMap<unknown, unknown>` (insertion-ordered)                      |
 * | STRUCT<...>   | a plain object `{ [fieldName]: value }` keyed by the schema's field names |
 *
 * A row is a plain array of values laid out by its schema; values are never mutated once emitted.
 */
export type SqlValue = unknown;

export type Row = unknown[];
