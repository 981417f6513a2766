/** Set-like array functions: DISTINCT, REMOVE, UNION, INTERSECT, EXCEPT, CONCAT. */
import { hashKey, valuesEqual } from '../../../types/compare';
import type { ScalarSpec } from '../define';

const CAT = 'ARRAY';
type Arr = readonly unknown[];

function distinct(a: Arr): unknown[] {
  const seen = new Set<unknown>();
  const out: unknown[] = [];
  for (const x of a) {
    const k = hashKey(x);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(x);
  }
  return out;
}

function keys(a: Arr): Set<unknown> {
  return new Set(a.map(hashKey));
}

const both = (f: (a: Arr, b: Arr) => unknown[]) => (a: Arr, b: Arr) => f(a, b);

export const ARRAY_SET_FUNCTIONS: readonly ScalarSpec[] = [
  {
    name: 'ARRAY_DISTINCT',
    category: CAT,
    description: 'The array without duplicates, keeping first occurrences in order.',
    variants: [{ params: ['array ARRAY<T>'], returns: 'ARRAY<T>', impl: distinct }],
  },
  {
    name: 'ARRAY_REMOVE',
    category: CAT,
    description: 'The array without every element equal to the value (NULL removes NULLs).',
    variants: [
      {
        params: ['array ARRAY<T>', 'value T'],
        returns: 'ARRAY<T>',
        nulls: 'custom',
        impl: (a: Arr | null, v: unknown) => {
          if (a === null) return null;
          const out: unknown[] = [];
          for (const x of a) if (!valuesEqual(x, v)) out.push(x);
          return out;
        },
      },
    ],
  },
  {
    name: 'ARRAY_UNION',
    category: CAT,
    description: 'The distinct elements of both arrays.',
    variants: [
      {
        params: ['left ARRAY<T>', 'right ARRAY<T>'],
        returns: 'ARRAY<T>',
        impl: both((a, b) => distinct([...a, ...b])),
      },
    ],
  },
  {
    name: 'ARRAY_INTERSECT',
    category: CAT,
    description: 'The distinct elements present in both arrays, in the order of the first.',
    variants: [
      {
        params: ['left ARRAY<T>', 'right ARRAY<T>'],
        returns: 'ARRAY<T>',
        impl: both((a, b) => {
          const inB = keys(b);
          return distinct(a).filter((x) => inB.has(hashKey(x)));
        }),
      },
    ],
  },
  {
    name: 'ARRAY_EXCEPT',
    category: CAT,
    description: 'The distinct elements of the first array that are not in the second.',
    variants: [
      {
        params: ['left ARRAY<T>', 'right ARRAY<T>'],
        returns: 'ARRAY<T>',
        impl: both((a, b) => {
          const inB = keys(b);
          return distinct(a).filter((x) => !inB.has(hashKey(x)));
        }),
      },
    ],
  },
  {
    name: 'ARRAY_CONCAT',
    category: CAT,
    description: 'The elements of both arrays; a NULL array counts as empty unless both are NULL.',
    variants: [
      {
        params: ['left ARRAY<T>', 'right ARRAY<T>'],
        returns: 'ARRAY<T>',
        nulls: 'custom',
        impl: (a: Arr | null, b: Arr | null) =>
          a === null && b === null ? null : [...(a ?? []), ...(b ?? [])],
      },
    ],
  },
];
