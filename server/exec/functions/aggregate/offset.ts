/**
 * LATEST_BY_OFFSET and EARLIEST_BY_OFFSET, optionally keeping n values and optionally counting
 * NULLs (by default NULLs are skipped). Each kept value carries a sequence number so that merging
 * session windows keeps the truly latest/earliest one, as ksqlDB's sequence does.
 */
import type { SqlType } from '../../../types/sql-type';
import type { AggregateContext, AggregateSpec, AggregateVariantSpec } from '../define';
import type { Aggregator } from '../types';
import { decodeValue, encodeValue } from './value-codec';

type Entry = [seq: number, value: unknown];

let lastSeq = 0;
/** Increasing across calls and, being clock-based, across restarts of the process. */
function nextSeq(): number {
  lastSeq = Math.max(lastSeq + 1, Date.now() * 1000);
  return lastSeq;
}

function byOffset(
  t: SqlType,
  latest: boolean,
  n: number,
  ignoreNulls: boolean,
  many: boolean,
): Aggregator<Entry[]> {
  const keep = (entries: Entry[]): Entry[] => {
    entries.sort((a, b) => a[0] - b[0]);
    if (entries.length <= n) return entries;
    return latest ? entries.slice(entries.length - n) : entries.slice(0, n);
  };
  return {
    initial: () => [],
    add: (acc, args) => {
      const v = args[0] ?? null;
      if (v === null && ignoreNulls) return acc;
      if (!latest && acc.length >= n) return acc;
      acc.push([nextSeq(), v]);
      if (acc.length > n) acc.shift();
      return acc;
    },
    merge: (a, b) => keep([...a, ...b]),
    result: (acc) => (many ? acc.map((e) => e[1]) : (acc[acc.length - 1]?.[1] ?? null)),
    toJSON: (acc) => acc.map(([s, v]) => [s, encodeValue(v, t)]),
    fromJSON: (j) => (j as [number, unknown][]).map(([s, v]): Entry => [s, decodeValue(v, t)]),
  };
}

function constantInt(ctx: AggregateContext, i: number, name: string): number {
  const n = ctx.constants[i];
  if (typeof n !== 'number' || !Number.isInteger(n) || n <= 0) {
    throw new Error(`${name}: the number of values to keep must be a positive integer literal`);
  }
  return n;
}

function constantBool(ctx: AggregateContext, i: number): boolean {
  const b = ctx.constants[i];
  if (typeof b !== 'boolean') throw new Error('ignoreNulls must be a boolean literal');
  return b;
}

function variants(name: string, latest: boolean): AggregateVariantSpec[] {
  const t = (ctx: AggregateContext): SqlType => ctx.bindings.get('T')!;
  const word = latest ? 'latest' : 'earliest';
  return [
    {
      params: ['value T'],
      returns: 'T',
      description: `The ${word} non-NULL value by offset.`,
      intermediate: 'STRUCT<SEQ BIGINT, VAL T>',
      create: (c) => byOffset(t(c), latest, 1, true, false),
    },
    {
      params: ['value T', 'ignoreNulls BOOLEAN|whether NULL values are skipped (default true)'],
      returns: 'T',
      constantParams: 1,
      description: `The ${word} value by offset, optionally counting NULLs.`,
      intermediate: 'STRUCT<SEQ BIGINT, VAL T>',
      create: (c) => byOffset(t(c), latest, 1, constantBool(c, 0), false),
    },
    {
      params: ['value T', 'n INT|how many values to keep'],
      returns: 'ARRAY<T>',
      constantParams: 1,
      description: `The ${word} n non-NULL values by offset, oldest first.`,
      intermediate: 'ARRAY<STRUCT<SEQ BIGINT, VAL T>>',
      create: (c) => byOffset(t(c), latest, constantInt(c, 0, name), true, true),
    },
    {
      params: ['value T', 'n INT', 'ignoreNulls BOOLEAN'],
      returns: 'ARRAY<T>',
      constantParams: 2,
      description: `The ${word} n values by offset, oldest first, optionally counting NULLs.`,
      intermediate: 'ARRAY<STRUCT<SEQ BIGINT, VAL T>>',
      create: (c) => byOffset(t(c), latest, constantInt(c, 0, name), constantBool(c, 1), true),
    },
  ];
}

export const OFFSET_AGGREGATES: readonly AggregateSpec[] = [
  {
    name: 'LATEST_BY_OFFSET',
    description: 'The most recent value(s) of a column by the order rows were received.',
    variants: variants('LATEST_BY_OFFSET', true),
  },
  {
    name: 'EARLIEST_BY_OFFSET',
    description: 'The first value(s) of a column by the order rows were received.',
    variants: variants('EARLIEST_BY_OFFSET', false),
  },
];
