/**
 * Hostile input for the REST and socket.io fuzzers, deterministic for a seed: random bytes,
 * invalid UTF-8, huge literals, deep nesting, wrong JSON types, and SQL from the parser's own
 * fuzz generators (server/sql/testing/fuzz-inputs.ts) so the whole statement path is exercised.
 */
import { EXAMPLES } from '../../../server/sql/testing/examples';
import { mutate, randomChars, randomTokens } from '../../../server/sql/testing/fuzz-inputs';

export type Rnd = () => number;

export function pick<T>(rnd: Rnd, xs: readonly T[]): T {
  return xs[Math.floor(rnd() * xs.length)] as T;
}

export function randomBytes(rnd: Rnd, max = 2048): Buffer {
  const n = Math.floor(rnd() * max);
  const out = Buffer.alloc(n);
  for (let i = 0; i < n; i++) out[i] = Math.floor(rnd() * 256);
  return out;
}

/** Byte sequences that are not UTF-8: a lone continuation, an overlong form, a surrogate, 0xFF. */
const INVALID_UTF8 = [
  Buffer.from([0x80]),
  Buffer.from([0xc0, 0xaf]),
  Buffer.from([0xed, 0xa0, 0x80]),
  Buffer.from([0xff, 0xfe]),
  Buffer.from([0xc3, 0x28]),
  Buffer.from([0xf4, 0x90, 0x80, 0x80]),
];

/** `{"<field>":"…<invalid bytes>…"}` with the bytes inside the JSON string. */
export function invalidUtf8Json(rnd: Rnd, field: string, prefix: string): Buffer {
  return Buffer.concat([
    Buffer.from(`{"${field}":"${prefix}`),
    pick(rnd, INVALID_UTF8),
    Buffer.from(` x';"}`),
  ]);
}

/** SQL text: random tokens, random characters, or a mutated example statement. */
export function randomSql(rnd: Rnd, source: string): string {
  const r = rnd();
  if (r < 0.3) return randomTokens(rnd);
  if (r < 0.45) return randomChars(rnd);
  const example = pick(rnd, EXAMPLES).replace(/\b(orders|pageviews|users|s|t|a|b)\b/g, source);
  return mutate(rnd, example);
}

/** Statements that stress the parser's and binder's limits. */
export function hugeSql(rnd: Rnd, source: string): string {
  switch (Math.floor(rnd() * 8)) {
    case 0:
      return `SELECT ${'9'.repeat(200_000)} FROM ${source};`;
    case 1:
      return `SELECT '${'a'.repeat(500_000)}' FROM ${source};`;
    case 2:
      return `SELECT * FROM ${'X'.repeat(100_000)};`;
    case 3:
      return `SELECT ${'('.repeat(20_000)}1${')'.repeat(20_000)} FROM ${source};`;
    case 4:
      return `SELECT ${Array.from({ length: 20_000 }, () => 'CASE WHEN TRUE THEN').join(' ')} 1 FROM ${source};`;
    case 5:
      return `CREATE STREAM deep_${Math.floor(rnd() * 1e9)} (V ${'ARRAY<'.repeat(5_000)}INT${'>'.repeat(5_000)}) WITH (KAFKA_TOPIC='deep', VALUE_FORMAT='JSON', PARTITIONS=1);`;
    case 6:
      return `SELECT 1e400, -1e400, 123456789012345678901234567890.123456789 FROM ${source};`;
    default:
      return `SELECT ${Array.from({ length: 20_000 }, (_, i) => `${i} + `).join('')}0 FROM ${source};`;
  }
}

/** A JSON value of a type nobody expects (or a huge / deep one). */
export function wrongValue(rnd: Rnd): unknown {
  switch (Math.floor(rnd() * 10)) {
    case 0:
      return null;
    case 1:
      return Math.floor(rnd() * 2 ** 53) * (rnd() < 0.5 ? -1 : 1);
    case 2:
      return rnd() < 0.5;
    case 3:
      return [1, 'two', { three: 3 }];
    case 4:
      return { nested: { deeper: [null] } };
    case 5:
      return 'x'.repeat(Math.floor(rnd() * 100_000));
    case 6:
      return deepArray(2_000);
    case 7:
      return Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`k${i}`, i]));
    case 8:
      return 1.5;
    default:
      return '';
  }
}

function deepArray(depth: number): unknown {
  let v: unknown = 0;
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

/** JSON text nested `depth` levels deep (too deep for any recursive walker). */
export function deepJsonText(depth: number, field: string): string {
  return `{"${field}":${'['.repeat(depth)}1${']'.repeat(depth)}}`;
}

/** Replaces one field of `base` with a wrong value, or drops it, or wraps the whole body. */
export function mutateObject(rnd: Rnd, base: Record<string, unknown>): unknown {
  const keys = Object.keys(base);
  const r = rnd();
  if (r < 0.1) return wrongValue(rnd);
  if (r < 0.2) return [base];
  const copy: Record<string, unknown> = { ...base };
  const key = pick(rnd, keys);
  if (r < 0.3) delete copy[key];
  else copy[key] = wrongValue(rnd);
  if (rnd() < 0.2) Object.defineProperty(copy, '__proto__', { value: { polluted: true }, enumerable: true });
  return copy;
}
