/** TOPK (optionally with companion columns, returned as structs) and TOPKDISTINCT. */
import { compareValues, hashKey } from '../../../types/compare';
import type { SqlType, StructField } from '../../../types/sql-type';
import type { AggregateContext, AggregateSpec, AggregateVariantSpec, TypeContext } from '../define';
import type { Aggregator } from '../types';
import { decodeValue, encodeValue } from './value-codec';

const ORDERABLE = new Set([
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

function orderable(ctx: TypeContext): boolean {
  const t = ctx.bindings.get('T');
  return t !== undefined && ORDERABLE.has(t.kind);
}

function kOf(ctx: AggregateContext, name: string): number {
  const k = ctx.constants[ctx.constants.length - 1];
  if (typeof k !== 'number' || !Number.isInteger(k) || k <= 0) {
    throw new Error(`${name}: k must be a positive integer literal`);
  }
  return k;
}

/**
 * Keeps the k largest entries in descending order. `sortKey` extracts the ordering value of an
 * entry; equal values keep their arrival order.
 */
function topK<E>(
  k: number,
  sortKey: (e: E) => unknown,
  make: (args: readonly unknown[]) => E | null,
  t: SqlType,
  distinct: boolean,
): Aggregator<E[]> {
  const insert = (acc: E[], e: E): E[] => {
    const v = sortKey(e);
    if (distinct && acc.some((x) => hashKey(sortKey(x)) === hashKey(v))) return acc;
    let i = acc.length;
    while (i > 0 && compareValues(sortKey(acc[i - 1]!), v) < 0) i--;
    if (i >= k) return acc;
    acc.splice(i, 0, e);
    if (acc.length > k) acc.pop();
    return acc;
  };
  return {
    initial: () => [],
    add: (acc, args) => {
      const e = make(args);
      return e === null ? acc : insert(acc, e);
    },
    merge: (a, b) => b.reduce(insert, [...a]),
    result: (acc) => [...acc],
    toJSON: (acc) => acc.map((e) => encodeValue(e, t)),
    fromJSON: (j) => (j as unknown[]).map((e) => decodeValue(e, t) as E),
  };
}

function plainTopK(ctx: AggregateContext, name: string, distinct: boolean): Aggregator {
  const t = ctx.bindings.get('T')!;
  return topK<unknown>(
    kOf(ctx, name),
    (e) => e,
    (args) => args[0] ?? null,
    t,
    distinct,
  ) as Aggregator;
}

function structType(ctx: TypeContext, extra: number): SqlType {
  const fields: StructField[] = [{ name: 'sort_col', type: ctx.params[0]! }];
  for (let i = 0; i < extra; i++) fields.push({ name: `col${i}`, type: ctx.params[i + 1]! });
  return { kind: 'STRUCT', fields };
}

function structVariant(extra: number): AggregateVariantSpec {
  const cols = Array.from({ length: extra }, (_, i) => `col${i} C${i}`);
  return {
    params: ['value T', ...cols, 'k INT|how many entries to keep'],
    returns: (ctx) => ({ kind: 'ARRAY', element: structType(ctx, extra) }),
    returnsDoc: 'ARRAY<STRUCT<sort_col T, col0 C0, …>>',
    where: orderable,
    constantParams: 1,
    description: 'The k rows with the largest values, each with the companion columns.',
    intermediate: 'ARRAY<STRUCT<sort_col T, ...>>',
    create: (ctx) => {
      const t = structType(ctx, extra);
      const make = (args: readonly unknown[]): Record<string, unknown> | null => {
        if (args[0] === null || args[0] === undefined) return null;
        const e: Record<string, unknown> = { sort_col: args[0] };
        for (let i = 0; i < extra; i++) e[`col${i}`] = args[i + 1] ?? null;
        return e;
      };
      return topK(kOf(ctx, 'TOPK'), (e) => e.sort_col, make, t, false) as Aggregator;
    },
  };
}

export const TOPK_AGGREGATES: readonly AggregateSpec[] = [
  {
    name: 'TOPK',
    description:
      'The k largest non-NULL values in descending order; with extra columns, structs of the value and those columns.',
    variants: [
      {
        params: ['value T', 'k INT|how many values to keep'],
        returns: 'ARRAY<T>',
        where: orderable,
        constantParams: 1,
        intermediate: 'ARRAY<T>',
        create: (ctx) => plainTopK(ctx, 'TOPK', false),
      },
      structVariant(1),
      structVariant(2),
      structVariant(3),
      structVariant(4),
    ],
  },
  {
    name: 'TOPKDISTINCT',
    description: 'The k largest distinct non-NULL values in descending order.',
    variants: [
      {
        params: ['value T', 'k INT|how many values to keep'],
        returns: 'ARRAY<T>',
        where: orderable,
        constantParams: 1,
        intermediate: 'ARRAY<T>',
        create: (ctx) => plainTopK(ctx, 'TOPKDISTINCT', true),
      },
    ],
  },
];
