/**
 * COLLECT_LIST, COLLECT_SET and HISTOGRAM, capped at 1000 entries by default (ksqlDB's limits;
 * `ksql.functions.collect_list.limit` and `ksql.functions.collect_set.limit` change them).
 */
import { hashKey, valuesEqual } from '../../../types/compare';
import type { SqlType } from '../../../types/sql-type';
import type { AggregateContext, AggregateSpec } from '../define';
import type { Aggregator } from '../types';
import { decodeValue, encodeValue } from './value-codec';

export const COLLECTION_LIMIT = 1000;

function limitOf(ctx: AggregateContext, property: string): number {
  const v = Number(ctx.config[property] ?? COLLECTION_LIMIT);
  return Number.isInteger(v) && v >= 0 ? v : COLLECTION_LIMIT;
}

/** All values including NULLs, in arrival order. */
function list(t: SqlType, limit: number): Aggregator<unknown[]> {
  return {
    initial: () => [],
    add: (acc, args) => {
      if (acc.length < limit) acc.push(args[0] ?? null);
      return acc;
    },
    undo: (acc, args) => {
      const i = acc.findIndex((x) => valuesEqual(x, args[0] ?? null));
      if (i >= 0) acc.splice(i, 1);
      return acc;
    },
    merge: (a, b) => [...a, ...b].slice(0, limit),
    result: (acc) => [...acc],
    toJSON: (acc) => acc.map((v) => encodeValue(v, t)),
    fromJSON: (j) => (j as unknown[]).map((v) => decodeValue(v, t)),
  };
}

/** Insertion-ordered distinct values keyed by hashKey; NULL is kept once, as ksqlDB does. */
function set(t: SqlType, limit: number): Aggregator<Map<unknown, unknown>> {
  return {
    initial: () => new Map(),
    add: (acc, args) => {
      const v = args[0] ?? null;
      const k = hashKey(v);
      if (!acc.has(k) && acc.size < limit) acc.set(k, v);
      return acc;
    },
    undo: (acc, args) => {
      acc.delete(hashKey(args[0] ?? null));
      return acc;
    },
    merge: (a, b) => {
      const out = new Map(a);
      for (const [k, v] of b) if (!out.has(k) && out.size < limit) out.set(k, v);
      return out;
    },
    result: (acc) => [...acc.values()],
    toJSON: (acc) => [...acc.values()].map((v) => encodeValue(v, t)),
    fromJSON: (j) => new Map((j as unknown[]).map((e) => decodeValue(e, t)).map((v) => [hashKey(v), v])),
  };
}

function histogram(): Aggregator<Map<string, number>> {
  return {
    initial: () => new Map(),
    add: (acc, args) => {
      const v = args[0] as string | null;
      if (v === null || v === undefined) return acc;
      const c = acc.get(v);
      if (c !== undefined) acc.set(v, c + 1);
      else if (acc.size < COLLECTION_LIMIT) acc.set(v, 1);
      return acc;
    },
    undo: (acc, args) => {
      const v = args[0] as string | null;
      if (v === null || v === undefined) return acc;
      const c = acc.get(v);
      if (c === undefined) return acc;
      if (c <= 1) acc.delete(v);
      else acc.set(v, c - 1);
      return acc;
    },
    merge: (a, b) => {
      const out = new Map(a);
      for (const [k, c] of b) out.set(k, (out.get(k) ?? 0) + c);
      return out;
    },
    result: (acc) => new Map(acc),
    toJSON: (acc) => [...acc],
    fromJSON: (j) => new Map(j as [string, number][]),
  };
}

export const COLLECT_AGGREGATES: readonly AggregateSpec[] = [
  {
    name: 'COLLECT_LIST',
    description: 'All values of the group, NULLs included, in arrival order (at most 1000).',
    variants: [
      {
        params: ['value T'],
        returns: 'ARRAY<T>',
        supportsUndo: true,
        intermediate: 'ARRAY<T>',
        create: (c) => list(c.bindings.get('T')!, limitOf(c, 'ksql.functions.collect_list.limit')),
      },
    ],
  },
  {
    name: 'COLLECT_SET',
    description: 'The distinct values of the group (NULL included once), in first-seen order (at most 1000).',
    variants: [
      {
        params: ['value T'],
        returns: 'ARRAY<T>',
        supportsUndo: true,
        intermediate: 'ARRAY<T>',
        create: (c) => set(c.bindings.get('T')!, limitOf(c, 'ksql.functions.collect_set.limit')),
      },
    ],
  },
  {
    name: 'HISTOGRAM',
    description:
      'A map from each distinct non-NULL string to the number of times it occurred (at most 1000 keys).',
    variants: [
      {
        params: ['value STRING'],
        returns: 'MAP<STRING, BIGINT>',
        supportsUndo: true,
        intermediate: 'MAP<STRING, BIGINT>',
        create: () => histogram(),
      },
    ],
  },
];
