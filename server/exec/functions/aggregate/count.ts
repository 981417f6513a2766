/** COUNT and COUNT_DISTINCT. */
import { hashKey } from '../../../types/compare';
import type { AggregateSpec } from '../define';
import type { Aggregator } from '../types';

/** COUNT(*) counts rows; COUNT(x) counts rows where x is not NULL. */
function counter(countNulls: boolean): Aggregator<number> {
  return {
    initial: () => 0,
    add: (acc, args) => (countNulls || (args[0] !== null && args[0] !== undefined) ? acc + 1 : acc),
    undo: (acc, args) => (countNulls || (args[0] !== null && args[0] !== undefined) ? acc - 1 : acc),
    merge: (a, b) => a + b,
    result: (acc) => acc,
    toJSON: (acc) => acc,
    fromJSON: (j) => j as number,
  };
}

/** Exact distinct count (ksqlDB's is a HyperLogLog estimate; see README). */
function distinctCounter(): Aggregator<Set<unknown>> {
  return {
    initial: () => new Set(),
    add: (acc, args) => {
      const v = args[0];
      if (v !== null && v !== undefined) acc.add(hashKey(v));
      return acc;
    },
    merge: (a, b) => new Set([...a, ...b]),
    result: (acc) => acc.size,
    toJSON: (acc) => [...acc],
    fromJSON: (j) => new Set(j as unknown[]),
  };
}

export const COUNT_AGGREGATES: readonly AggregateSpec[] = [
  {
    name: 'COUNT',
    description: 'Counts rows, or the rows where the argument is not NULL.',
    variants: [
      {
        params: [],
        returns: 'BIGINT',
        supportsUndo: true,
        intermediate: 'BIGINT',
        create: () => counter(true),
      },
      {
        params: ['value T'],
        returns: 'BIGINT',
        supportsUndo: true,
        intermediate: 'BIGINT',
        create: () => counter(false),
      },
    ],
  },
  {
    name: 'COUNT_DISTINCT',
    description: 'Counts the distinct non-NULL values.',
    variants: [
      {
        params: ['value T'],
        returns: 'BIGINT',
        intermediate: 'ARRAY (set of values)',
        create: () => distinctCounter(),
      },
    ],
  },
];
