/** MIN, MAX and ATTR. */
import { compareValues, hashKey } from '../../../types/compare';
import type { SqlType } from '../../../types/sql-type';
import type { AggregateSpec, TypeContext } from '../define';
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
  'BOOLEAN',
]);

function orderable(ctx: TypeContext): boolean {
  const t = ctx.bindings.get('T');
  return t !== undefined && ORDERABLE.has(t.kind);
}

/** MIN/MAX keep the best non-NULL value. ksqlDB cannot retract them, so neither can we. */
function extreme(sign: number, t: SqlType): Aggregator<unknown> {
  const better = (a: unknown, b: unknown): unknown => {
    if (a === null || a === undefined) return b ?? null;
    if (b === null || b === undefined) return a;
    return compareValues(b, a) * sign > 0 ? b : a;
  };
  return {
    initial: () => null,
    add: (acc, args) => better(acc, args[0]),
    merge: better,
    result: (acc) => acc,
    toJSON: (acc) => encodeValue(acc, t),
    fromJSON: (j) => decodeValue(j, t),
  };
}

interface AttrEntry {
  value: unknown;
  count: number;
}

/**
 * ATTR: the value if every row had the same one (NULL included as a value), else NULL. Counts per
 * distinct value make it retractable.
 */
function attr(t: SqlType): Aggregator<Map<unknown, AttrEntry>> {
  const step = (acc: Map<unknown, AttrEntry>, v: unknown, d: number): Map<unknown, AttrEntry> => {
    const value = v ?? null;
    const k = hashKey(value);
    const e = acc.get(k);
    const count = (e?.count ?? 0) + d;
    if (count <= 0) acc.delete(k);
    else acc.set(k, { value, count });
    return acc;
  };
  return {
    initial: () => new Map(),
    add: (acc, args) => step(acc, args[0], 1),
    undo: (acc, args) => step(acc, args[0], -1),
    merge: (a, b) => {
      const out = new Map<unknown, AttrEntry>();
      for (const [k, e] of a) out.set(k, { ...e });
      for (const [k, e] of b) out.set(k, { value: e.value, count: (out.get(k)?.count ?? 0) + e.count });
      return out;
    },
    result: (acc) => (acc.size === 1 ? [...acc.values()][0]!.value : null),
    toJSON: (acc) => [...acc.values()].map((e) => [encodeValue(e.value, t), e.count]),
    fromJSON: (j) => {
      const out = new Map<unknown, AttrEntry>();
      for (const [v, c] of j as [unknown, number][]) {
        const value = decodeValue(v, t);
        out.set(hashKey(value), { value, count: c });
      }
      return out;
    },
  };
}

const typeT = (ctx: { bindings: ReadonlyMap<string, SqlType> }): SqlType => ctx.bindings.get('T')!;

export const MIN_MAX_AGGREGATES: readonly AggregateSpec[] = [
  {
    name: 'MIN',
    description: 'The smallest non-NULL value.',
    variants: [
      {
        params: ['value T'],
        returns: 'T',
        where: orderable,
        intermediate: 'T',
        create: (c) => extreme(-1, typeT(c)),
      },
    ],
  },
  {
    name: 'MAX',
    description: 'The largest non-NULL value.',
    variants: [
      {
        params: ['value T'],
        returns: 'T',
        where: orderable,
        intermediate: 'T',
        create: (c) => extreme(1, typeT(c)),
      },
    ],
  },
  {
    name: 'ATTR',
    description: 'The value if all rows of the group have the same value, otherwise NULL.',
    variants: [
      {
        params: ['value T'],
        returns: 'T',
        supportsUndo: true,
        intermediate: 'ARRAY<STRUCT<VALUE T, COUNT BIGINT>>',
        create: (c) => attr(typeT(c)),
      },
    ],
  },
];
