/**
 * Equality and ordering of SQL values (=, <, BETWEEN, IN, MIN/MAX, ARRAY_SORT, DISTINCT…).
 *
 * Values are compared by their run-time representation (values.ts), so no type is needed: numbers
 * numerically (INTEGER, BIGINT, DOUBLE, TIMESTAMP, DATE, TIME), Decimal by value ignoring scale,
 * strings by UTF-16 code units like Java's String.compareTo, booleans false < true, bytes
 * unsigned-lexicographically, arrays element by element. Operands must already be coerced to a
 * common type; a number compared with a Decimal is still handled, for convenience.
 */
import { Decimal } from './decimal';
import type { SqlType } from './sql-type';

export type Comparator = (a: unknown, b: unknown) => number;

/** Orders two non-null values; throws for values with no order (maps, structs, mixed kinds). */
export function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number')
    return a < b ? -1 : a > b ? 1 : a === b ? 0 : compareNaN(a, b);
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return a === b ? 0 : a ? 1 : -1;
  if (a instanceof Decimal || b instanceof Decimal) return toDecimal(a).compareTo(toDecimal(b));
  if (a instanceof Uint8Array && b instanceof Uint8Array) return compareBytes(a, b);
  if (Array.isArray(a) && Array.isArray(b)) return compareArrays(a, b);
  throw new Error(`Cannot compare ${describe(a)} with ${describe(b)}`);
}

// Java's Double.compare puts NaN above everything, so sorting is total.
function compareNaN(a: number, b: number): number {
  if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : 1;
  return -1;
}

function toDecimal(v: unknown): Decimal {
  if (v instanceof Decimal) return v;
  if (typeof v === 'number') return Decimal.fromNumber(v);
  throw new Error(`Cannot compare ${describe(v)} with a DECIMAL`);
}

function describe(v: unknown): string {
  if (v instanceof Map) return 'MAP';
  if (v instanceof Uint8Array) return 'BYTES';
  if (Array.isArray(v)) return 'ARRAY';
  return typeof v === 'object' ? 'STRUCT' : typeof v;
}

export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = a[i]! - b[i]!;
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

function compareArrays(a: readonly unknown[], b: readonly unknown[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareNullsLast(a[i], b[i]);
    if (c !== 0) return c;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/** Total order with NULLs last (ARRAY_SORT ascending, TOPK ties). */
export function compareNullsLast(a: unknown, b: unknown): number {
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : 1;
  if (b === null || b === undefined) return -1;
  return compareValues(a, b);
}

/** Total order with NULLs first. */
export function compareNullsFirst(a: unknown, b: unknown): number {
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : -1;
  if (b === null || b === undefined) return 1;
  return compareValues(a, b);
}

/**
 * Deep equality of two values, NULL equal to NULL (IS NOT DISTINCT FROM, DISTINCT, sets). Use
 * `sqlEquals` for `=`, which is NULL when either side is NULL.
 */
export function valuesEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined) return false;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (a instanceof Decimal || b instanceof Decimal) {
    if (typeof a === 'number' || typeof b === 'number' || (a instanceof Decimal && b instanceof Decimal)) {
      return toDecimal(a).equals(toDecimal(b));
    }
    return false;
  }
  if (a instanceof Uint8Array && b instanceof Uint8Array) return compareBytes(a, b) === 0;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => valuesEqual(v, b[i]));
  }
  if (a instanceof Map && b instanceof Map) {
    if (a.size !== b.size) return false;
    for (const [k, v] of a) {
      if (!b.has(k) || !valuesEqual(v, b.get(k))) return false;
    }
    return true;
  }
  if (typeof a === 'object' && typeof b === 'object' && !(a instanceof Map) && !(b instanceof Map)) {
    const ka = Object.keys(a);
    const ra = a as Record<string, unknown>;
    const rb = b as Record<string, unknown>;
    return ka.length === Object.keys(b).length && ka.every((k) => k in rb && valuesEqual(ra[k], rb[k]));
  }
  return false;
}

/** SQL `=`: NULL if either side is NULL. */
export function sqlEquals(a: unknown, b: unknown): boolean | null {
  if (a === null || b === null) return null;
  return valuesEqual(a, b);
}

/** SQL `<` etc.: NULL if either side is NULL, else the comparison's sign. */
export function sqlCompare(a: unknown, b: unknown): number | null {
  if (a === null || b === null) return null;
  return compareValues(a, b);
}

/**
 * A primitive that is equal for equal values, to key JS Maps and Sets (GROUP BY, COUNT_DISTINCT,
 * COLLECT_SET, ARRAY_DISTINCT). Strings and numbers key as themselves; compound values become a
 * tagged string that no plain string produces (it starts with U+0000).
 */
export function hashKey(v: unknown): unknown {
  if (v === null || v === undefined || typeof v !== 'object') return v;
  return `\u0000${encodeKey(v)}`;
}

function encodeKey(v: unknown): string {
  if (v === null || v === undefined) return 'n';
  if (typeof v === 'number') return `#${v}`;
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (v instanceof Decimal) return `#${v.key()}`;
  if (v instanceof Uint8Array) return `b${Buffer.from(v).toString('base64')}`;
  if (Array.isArray(v)) return `[${v.map(encodeKey).join(',')}]`;
  // Maps and structs are equal whatever their entry order, so their parts are sorted.
  if (v instanceof Map) {
    return `{${[...v]
      .map(([k, x]) => `${encodeKey(k)}:${encodeKey(x)}`)
      .sort()
      .join(',')}}`;
  }
  if (typeof v === 'object') {
    const r = v as Record<string, unknown>;
    return `(${Object.keys(r)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${encodeKey(r[k])}`)
      .join(',')})`;
  }
  return String(v);
}

/** True if values of the type have an order (<, BETWEEN, MIN/MAX, ORDER BY, ARRAY_SORT). */
export function isOrderable(t: SqlType): boolean {
  switch (t.kind) {
    case 'MAP':
    case 'STRUCT':
      return false;
    case 'ARRAY':
      return isOrderable(t.element);
    default:
      return true;
  }
}
