/** Table functions: EXPLODE and CUBE_EXPLODE. */
import type { TableSpec } from '../define';

type Arr = readonly unknown[] | null;

function explode(a: Arr): unknown[] {
  return a === null || a === undefined ? [] : [...a];
}

/**
 * Every combination of keeping or nulling the non-NULL elements, in binary counting order with
 * "nulled" first (ksqlDB's CUBE ordering); elements that are already NULL stay NULL.
 */
function cubeExplode(a: Arr): unknown[][] {
  if (a === null || a === undefined) return [];
  const present = a.map((v, i) => (v === null || v === undefined ? -1 : i)).filter((i) => i >= 0);
  if (present.length > 20) throw new Error('CUBE_EXPLODE supports at most 20 non-NULL elements');
  const out: unknown[][] = [];
  const combos = 2 ** present.length;
  for (let mask = 0; mask < combos; mask++) {
    const row: unknown[] = a.map(() => null);
    present.forEach((idx, bit) => {
      if (mask & (1 << (present.length - 1 - bit))) row[idx] = a[idx];
    });
    out.push(row);
  }
  return out;
}

export const TABLE_FUNCTIONS: readonly TableSpec[] = [
  {
    name: 'EXPLODE',
    description: 'One output row per array element (none for a NULL array).',
    variants: [{ params: ['array ARRAY<T>'], returns: 'T', impl: explode }],
  },
  {
    name: 'CUBE_EXPLODE',
    description:
      'One output row per combination of the array elements with some replaced by NULL (grouping sets).',
    variants: [{ params: ['array ARRAY<T>'], returns: 'ARRAY<T>', impl: cubeExplode }],
  },
];
