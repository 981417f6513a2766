/** NULL handling: COALESCE, IFNULL, NULLIF. */
import { valuesEqual } from '../../../types/compare';
import type { ScalarSpec } from '../define';

const CAT = 'NULL';

export const NULL_FUNCTIONS: readonly ScalarSpec[] = [
  {
    name: 'COALESCE',
    category: 'CONDITIONAL',
    description: 'The first non-NULL argument, or NULL if all are NULL.',
    variants: [
      {
        params: ['first T', '...others T'],
        returns: 'T',
        nulls: 'custom',
        impl: (...xs: unknown[]) => {
          for (const x of xs) if (x !== null && x !== undefined) return x;
          return null;
        },
      },
    ],
  },
  {
    name: 'IFNULL',
    category: CAT,
    description: 'The expression, or the alternative if the expression is NULL.',
    variants: [
      {
        params: ['expression T', 'altValue T'],
        returns: 'T',
        nulls: 'custom',
        impl: (x: unknown, alt: unknown) => (x === null || x === undefined ? alt : x),
      },
    ],
  },
  {
    name: 'NULLIF',
    category: CAT,
    description: 'NULL if the two values are equal, otherwise the first value.',
    variants: [
      {
        params: ['expression1 T', 'expression2 T'],
        returns: 'T',
        nulls: 'custom',
        impl: (a: unknown, b: unknown) => (a !== null && valuesEqual(a, b) ? null : a),
      },
    ],
  },
];
