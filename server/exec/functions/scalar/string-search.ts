/** Searching and picking: INSTR, INITCAP, ELT, FIELD. */
import type { ScalarSpec } from '../define';

const CAT = 'STRING';

function instr(str: string, sub: string, position: number, occurrence: number): number {
  if (occurrence <= 0) return 0;
  if (position >= 0) {
    let idx = Math.max(position - 1, 0);
    let found = -1;
    for (let k = 0; k < occurrence; k++) {
      found = str.indexOf(sub, idx);
      if (found < 0) return 0;
      idx = found + 1;
    }
    return found + 1;
  }
  let idx = str.length + position;
  let found = -1;
  for (let k = 0; k < occurrence; k++) {
    if (idx < 0) return 0;
    found = str.lastIndexOf(sub, idx);
    if (found < 0) return 0;
    idx = found - 1;
  }
  return found + 1;
}

function initcap(s: string): string {
  return s.toLowerCase().replace(/(^|\s)(\S)/g, (_m, ws: string, c: string) => ws + c.toUpperCase());
}

export const STRING_SEARCH_FUNCTIONS: readonly ScalarSpec[] = [
  {
    name: 'INSTR',
    category: CAT,
    description:
      'The 1-based position of a substring (0 if absent or NULL), searching from a position (backwards if negative) for the n-th occurrence.',
    // ksqlDB's INSTR returns a primitive int: 0, never NULL, for a NULL string or substring.
    variants: [
      {
        params: ['str STRING', 'substring STRING'],
        returns: 'INT',
        nulls: 'custom',
        impl: (s: string | null, t: string | null) => (s === null || t === null ? 0 : instr(s, t, 1, 1)),
      },
      {
        params: ['str STRING', 'substring STRING', 'position INT'],
        returns: 'INT',
        nulls: 'custom',
        impl: (s: string | null, t: string | null, p: number | null) =>
          s === null || t === null ? 0 : p === null ? null : instr(s, t, p, 1),
      },
      {
        params: ['str STRING', 'substring STRING', 'position INT', 'occurrence INT'],
        returns: 'INT',
        nulls: 'custom',
        impl: (s: string | null, t: string | null, p: number | null, o: number | null) =>
          s === null || t === null ? 0 : p === null || o === null ? null : instr(s, t, p, o),
      },
    ],
  },
  {
    name: 'INITCAP',
    category: CAT,
    description: 'Capitalizes the first letter of each whitespace-separated word and lower-cases the rest.',
    variants: [{ params: ['input STRING'], returns: 'STRING', impl: initcap }],
  },
  {
    name: 'ELT',
    category: CAT,
    description: 'The n-th (1-based) of the following strings; NULL if n is out of range.',
    variants: [
      {
        params: ['n INT', '...args STRING'],
        returns: 'STRING',
        nulls: 'custom',
        impl: (n: number | null, ...xs: (string | null)[]) =>
          n === null || n < 1 || n > xs.length ? null : xs[n - 1],
      },
    ],
  },
  {
    name: 'FIELD',
    category: CAT,
    description: 'The 1-based position of a string among the following ones; 0 if absent or NULL.',
    variants: [
      {
        params: ['str STRING', '...args STRING'],
        returns: 'INT',
        nulls: 'custom',
        impl: (s: string | null, ...xs: (string | null)[]) => (s === null ? 0 : xs.indexOf(s) + 1),
      },
    ],
  },
];
