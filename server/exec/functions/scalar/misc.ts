/** Functions that fit no family: AS_VALUE. */
import type { ScalarSpec } from '../define';

export const MISC_FUNCTIONS: readonly ScalarSpec[] = [
  {
    name: 'AS_VALUE',
    category: 'OTHER',
    description: 'Copies a key column into the value of the result (the value itself is unchanged).',
    variants: [{ params: ['source T'], returns: 'T', nulls: 'custom', impl: (v: unknown) => v }],
  },
];
