/**
 * Small null-aware helpers the generated expression code calls. They are plain functions so V8
 * inlines them into the compiled expression.
 */
import {
  addBigint,
  addDecimal,
  addInt,
  divideBigint,
  divideDecimal,
  divideDouble,
  divideInt,
  moduloBigint,
  moduloDecimal,
  moduloDouble,
  moduloInt,
  multiplyBigint,
  multiplyDecimal,
  multiplyInt,
  negateBigint,
  negateInt,
  subtractBigint,
  subtractDecimal,
  subtractInt,
} from '../../types/arithmetic';
import { compareValues, hashKey, valuesEqual } from '../../types/compare';
import { Decimal, type DecimalShape } from '../../types/decimal';

type Num = number;

export const helpers = {
  addInt: (a: unknown, b: unknown) => (a === null || b === null ? null : addInt(a as Num, b as Num)),
  subInt: (a: unknown, b: unknown) => (a === null || b === null ? null : subtractInt(a as Num, b as Num)),
  mulInt: (a: unknown, b: unknown) => (a === null || b === null ? null : multiplyInt(a as Num, b as Num)),
  divInt: (a: unknown, b: unknown) => (a === null || b === null ? null : divideInt(a as Num, b as Num)),
  modInt: (a: unknown, b: unknown) => (a === null || b === null ? null : moduloInt(a as Num, b as Num)),
  negInt: (a: unknown) => (a === null ? null : negateInt(a as Num)),
  addLong: (a: unknown, b: unknown) => (a === null || b === null ? null : addBigint(a as Num, b as Num)),
  subLong: (a: unknown, b: unknown) => (a === null || b === null ? null : subtractBigint(a as Num, b as Num)),
  mulLong: (a: unknown, b: unknown) => (a === null || b === null ? null : multiplyBigint(a as Num, b as Num)),
  divLong: (a: unknown, b: unknown) => (a === null || b === null ? null : divideBigint(a as Num, b as Num)),
  modLong: (a: unknown, b: unknown) => (a === null || b === null ? null : moduloBigint(a as Num, b as Num)),
  negLong: (a: unknown) => (a === null ? null : negateBigint(a as Num)),
  addDbl: (a: unknown, b: unknown) => (a === null || b === null ? null : (a as Num) + (b as Num)),
  subDbl: (a: unknown, b: unknown) => (a === null || b === null ? null : (a as Num) - (b as Num)),
  mulDbl: (a: unknown, b: unknown) => (a === null || b === null ? null : (a as Num) * (b as Num)),
  divDbl: (a: unknown, b: unknown) => (a === null || b === null ? null : divideDouble(a as Num, b as Num)),
  modDbl: (a: unknown, b: unknown) => (a === null || b === null ? null : moduloDouble(a as Num, b as Num)),
  negDbl: (a: unknown) => (a === null ? null : -(a as Num)),
  addDec: (a: unknown, b: unknown, s: DecimalShape) =>
    a === null || b === null ? null : addDecimal(a as Decimal, b as Decimal, s),
  subDec: (a: unknown, b: unknown, s: DecimalShape) =>
    a === null || b === null ? null : subtractDecimal(a as Decimal, b as Decimal, s),
  mulDec: (a: unknown, b: unknown, s: DecimalShape) =>
    a === null || b === null ? null : multiplyDecimal(a as Decimal, b as Decimal, s),
  divDec: (a: unknown, b: unknown, s: DecimalShape) =>
    a === null || b === null ? null : divideDecimal(a as Decimal, b as Decimal, s),
  modDec: (a: unknown, b: unknown, s: DecimalShape) =>
    a === null || b === null ? null : moduloDecimal(a as Decimal, b as Decimal, s),
  negDec: (a: unknown) => (a === null ? null : (a as Decimal).negate()),
  concat: (a: unknown, b: unknown) => (a === null || b === null ? null : (a as string) + (b as string)),

  // ksqlDB evaluates a comparison with a NULL operand to false (not NULL), BETWEEN and IN too.
  eq: (a: unknown, b: unknown) => (a === null || b === null ? false : a === b || valuesEqual(a, b)),
  ne: (a: unknown, b: unknown) => (a === null || b === null ? false : !(a === b || valuesEqual(a, b))),
  lt: (a: unknown, b: unknown) => (a === null || b === null ? false : compareValues(a, b) < 0),
  le: (a: unknown, b: unknown) => (a === null || b === null ? false : compareValues(a, b) <= 0),
  gt: (a: unknown, b: unknown) => (a === null || b === null ? false : compareValues(a, b) > 0),
  ge: (a: unknown, b: unknown) => (a === null || b === null ? false : compareValues(a, b) >= 0),
  notDistinct: (a: unknown, b: unknown) =>
    a === null || b === null ? a === b : a === b || valuesEqual(a, b),
  between: (v: unknown, lo: unknown, hi: unknown) =>
    v === null || lo === null || hi === null ? false : compareValues(v, lo) >= 0 && compareValues(v, hi) <= 0,

  /** SQL IN: true if found (a NULL value or item never matches). */
  inList: (v: unknown, items: readonly unknown[]) => {
    if (v === null) return false;
    for (const item of items) if (item !== null && (item === v || valuesEqual(item, v))) return true;
    return false;
  },
  inSet: (v: unknown, set: ReadonlySet<unknown>) => v !== null && set.has(hashKey(v)),
  /**
   * Wraps a function implementation so that a call failing for one row yields NULL for that call
   * (and a processing-log entry), as ksqlDB does, instead of failing the whole expression.
   * `arity` is the call's argument count (a variadic implementation's `length` undercounts it).
   */
  guard: (fn: (...args: unknown[]) => unknown, report: (error: unknown) => void, arity: number) => {
    switch (arity) {
      case 1:
        return (a: unknown) => {
          try {
            return fn(a);
          } catch (e) {
            report(e);
            return null;
          }
        };
      case 2:
        return (a: unknown, b: unknown) => {
          try {
            return fn(a, b);
          } catch (e) {
            report(e);
            return null;
          }
        };
      default:
        return (...args: unknown[]) => {
          try {
            return fn(...args);
          } catch (e) {
            report(e);
            return null;
          }
        };
    }
  },

  /** ARRAY[i]: 1-based; negative counts from the end; out of range is NULL. */
  arrayAt: (a: unknown, i: unknown) => {
    if (a === null || i === null) return null;
    const arr = a as readonly unknown[];
    const n = i as number;
    const idx = n > 0 ? n - 1 : n < 0 ? arr.length + n : -1;
    return idx >= 0 && idx < arr.length ? (arr[idx] ?? null) : null;
  },
  mapGet: (m: unknown, k: unknown) => {
    if (m === null || k === null) return null;
    const map = m as ReadonlyMap<unknown, unknown>;
    const direct = map.get(k);
    if (direct !== undefined) return direct;
    if (typeof k === 'object') for (const [mk, mv] of map) if (valuesEqual(mk, k)) return mv;
    return null;
  },
  mapOf: (entries: readonly unknown[]) => {
    const m = new Map<unknown, unknown>();
    for (let i = 0; i < entries.length; i += 2) m.set(entries[i], entries[i + 1]);
    return m;
  },
  field: (s: unknown, name: string) => (s === null ? null : ((s as Record<string, unknown>)[name] ?? null)),
  like: (v: unknown, re: RegExp) => (v === null ? null : re.test(v as string)),
  likeDynamic: (v: unknown, p: unknown, escape: string | undefined) =>
    v === null || p === null ? null : likePattern(p as string, escape).test(v as string),
  isDecimal: (v: unknown): v is Decimal => v instanceof Decimal,
};

export type Helpers = typeof helpers;

const likeCache = new Map<string, RegExp>();

/** SQL LIKE → an anchored RegExp: `%` any run, `_` one character, an escape makes them literal. */
export function likePattern(pattern: string, escape: string | undefined): RegExp {
  const cacheKey = `${escape ?? ''}\u0000${pattern}`;
  const cached = likeCache.get(cacheKey);
  if (cached) return cached;
  let out = '^';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (escape !== undefined && ch === escape && i + 1 < pattern.length) {
      out += escapeRegex(pattern[++i]!);
    } else if (ch === '%') out += '[\\s\\S]*';
    else if (ch === '_') out += '[\\s\\S]';
    else out += escapeRegex(ch);
  }
  const re = new RegExp(`${out}$`, 'u');
  if (likeCache.size > 10_000) likeCache.clear();
  likeCache.set(cacheKey, re);
  return re;
}

function escapeRegex(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
