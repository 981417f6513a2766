/** Array functions: length, containment, joining, sorting, extremes, slicing, series. */
import { javaString } from '../../../types/cast';
import { compareNullsLast, compareValues, valuesEqual } from '../../../types/compare';
import type { SqlType } from '../../../types/sql-type';
import type { ScalarSpec, TypeContext } from '../define';

const CAT = 'ARRAY';
type Arr = readonly unknown[];

const PRIMITIVE = new Set([
  'BOOLEAN',
  'INTEGER',
  'BIGINT',
  'DOUBLE',
  'DECIMAL',
  'STRING',
  'BYTES',
  'DATE',
  'TIME',
  'TIMESTAMP',
]);
const ORDERABLE = new Set([
  'BOOLEAN',
  'INTEGER',
  'BIGINT',
  'DOUBLE',
  'DECIMAL',
  'STRING',
  'BYTES',
  'DATE',
  'TIME',
  'TIMESTAMP',
]);

const elementIs =
  (kinds: ReadonlySet<string>) =>
  (ctx: TypeContext): boolean => {
    const t = ctx.bindings.get('T');
    return t === undefined || kinds.has(t.kind);
  };

function extreme(a: Arr, sign: number): unknown {
  let best: unknown = null;
  for (const x of a) {
    if (x === null || x === undefined) continue;
    if (best === null || compareValues(x, best) * sign > 0) best = x;
  }
  return best;
}

// NULLs go last in both directions, as ksqlDB does.
const ascending = (x: unknown, y: unknown): number => compareNullsLast(x, y);
const descending = (x: unknown, y: unknown): number =>
  x === null || y === null ? compareNullsLast(x, y) : compareValues(y, x);

function sortArray(a: Arr, direction = 'ASC'): unknown[] | null {
  const d = direction.toUpperCase();
  if (d !== 'ASC' && d !== 'DESC') return null;
  return [...a].sort(d === 'ASC' ? ascending : descending);
}

function contains(a: Arr | null, v: unknown): boolean {
  if (a === null) return false;
  for (const x of a) if (valuesEqual(x, v)) return true;
  return false;
}

function joinArray(a: Arr, delimiter: string, t: SqlType): string {
  let out = '';
  for (let i = 0; i < a.length; i++) out += (i > 0 ? delimiter : '') + javaString(a[i], t);
  return out;
}

function series(start: number, end: number, step?: number): number[] {
  const s = step ?? (end >= start ? 1 : -1);
  if (s === 0) throw new Error('GENERATE_SERIES step cannot be zero');
  if ((end - start) * s < 0) throw new Error('GENERATE_SERIES step has wrong sign');
  const out: number[] = [];
  if (Math.abs(end - start) / Math.abs(s) > 1_000_000)
    throw new Error('GENERATE_SERIES would produce too many values');
  for (let v = start; s > 0 ? v <= end : v >= end; v += s) out.push(v);
  return out;
}

function slice(a: Arr, from: number | null, to: number | null): unknown[] {
  const start = Math.max((from ?? 1) - 1, 0);
  const end = Math.min(to ?? a.length, a.length);
  return start >= end ? [] : a.slice(start, end);
}

export const ARRAY_FUNCTIONS: readonly ScalarSpec[] = [
  {
    name: 'ARRAY_LENGTH',
    category: CAT,
    description: 'The number of elements of an array.',
    variants: [{ params: ['array ARRAY<T>'], returns: 'INT', impl: (a: Arr) => a.length }],
  },
  {
    name: 'ARRAY_CONTAINS',
    category: CAT,
    description: 'True if the array contains the value; false for a NULL array.',
    variants: [
      {
        params: ['array ARRAY<T>', 'value T'],
        returns: 'BOOLEAN',
        nulls: 'custom',
        impl: contains,
      },
    ],
  },
  {
    name: 'ARRAY_JOIN',
    category: CAT,
    description:
      "Joins the elements of an array of primitives into a string, with ',' or the given delimiter.",
    variants: [
      {
        params: ['array ARRAY<T>'],
        returns: 'STRING',
        where: elementIs(PRIMITIVE),
        bind: (ctx) => {
          const t = ctx.bindings.get('T') ?? { kind: 'STRING' };
          return (a: Arr) => joinArray(a, ',', t);
        },
      },
      {
        params: ['array ARRAY<T>', 'delimiter STRING'],
        returns: 'STRING',
        where: elementIs(PRIMITIVE),
        nulls: 'custom',
        bind: (ctx) => {
          const t = ctx.bindings.get('T') ?? { kind: 'STRING' };
          return (a: Arr | null, d: string | null) =>
            a === null ? null : a.map((x) => javaString(x, t)).join(d ?? '');
        },
      },
    ],
  },
  {
    name: 'ARRAY_SORT',
    category: CAT,
    description: "Sorts an array ascending, or in the given direction ('ASC' or 'DESC'); NULLs go last.",
    variants: [
      {
        params: ['array ARRAY<T>'],
        returns: 'ARRAY<T>',
        where: elementIs(ORDERABLE),
        impl: (a: Arr) => sortArray(a),
      },
      {
        params: ['array ARRAY<T>', 'direction STRING'],
        returns: 'ARRAY<T>',
        where: elementIs(ORDERABLE),
        impl: sortArray,
      },
    ],
  },
  {
    name: 'ARRAY_MAX',
    category: CAT,
    description: 'The largest non-NULL element; NULL for an empty array.',
    variants: [
      {
        params: ['array ARRAY<T>'],
        returns: 'T',
        where: elementIs(ORDERABLE),
        impl: (a: Arr) => extreme(a, 1),
      },
    ],
  },
  {
    name: 'ARRAY_MIN',
    category: CAT,
    description: 'The smallest non-NULL element; NULL for an empty array.',
    variants: [
      {
        params: ['array ARRAY<T>'],
        returns: 'T',
        where: elementIs(ORDERABLE),
        impl: (a: Arr) => extreme(a, -1),
      },
    ],
  },
  {
    name: 'SLICE',
    category: CAT,
    description: 'The elements between two 1-based positions, both included.',
    variants: [
      {
        params: ['array ARRAY<T>', 'from INT', 'to INT'],
        returns: 'ARRAY<T>',
        nulls: 'custom',
        impl: (a: Arr | null, f: number | null, t: number | null) => (a === null ? null : slice(a, f, t)),
      },
    ],
  },
  {
    name: 'GENERATE_SERIES',
    category: CAT,
    description: 'The integers from start to end inclusive, by 1 or -1, or by the given step.',
    variants: [
      {
        params: ['start INT', 'end INT'],
        returns: 'ARRAY<INT>',
        impl: (a: number, b: number) => series(a, b),
      },
      { params: ['start INT', 'end INT', 'step INT'], returns: 'ARRAY<INT>', impl: series },
      {
        params: ['start BIGINT', 'end BIGINT'],
        returns: 'ARRAY<BIGINT>',
        impl: (a: number, b: number) => series(a, b),
      },
      { params: ['start BIGINT', 'end BIGINT', 'step BIGINT'], returns: 'ARRAY<BIGINT>', impl: series },
    ],
  },
];
