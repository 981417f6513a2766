/** REGEXP_* functions (Java regular expression syntax). */
import type { ScalarSpec } from '../define';
import { javaRegex, javaReplacement, regexSplit } from '../util/java-regex';

const CAT = 'REGULAR EXPRESSION';

function extract(pattern: string, input: string, group: number): string | null {
  const m = javaRegex(pattern).exec(input);
  if (!m) return null;
  if (group < 0 || group >= m.length) throw new Error(`No group ${group}`);
  return m[group] ?? null;
}

function extractAll(pattern: string, input: string, group: number): (string | null)[] {
  const out: (string | null)[] = [];
  for (const m of input.matchAll(javaRegex(pattern))) {
    if (group < 0 || group >= m.length) throw new Error(`No group ${group}`);
    out.push(m[group] ?? null);
  }
  return out;
}

export const REGEX_FUNCTIONS: readonly ScalarSpec[] = [
  {
    name: 'REGEXP_EXTRACT',
    category: CAT,
    description:
      'The first substring matching the pattern, or the given capture group of that match; NULL if none.',
    variants: [
      {
        params: ['pattern STRING', 'input STRING'],
        returns: 'STRING',
        impl: (p: string, s: string) => extract(p, s, 0),
      },
      { params: ['pattern STRING', 'input STRING', 'group INT'], returns: 'STRING', impl: extract },
    ],
  },
  {
    name: 'REGEXP_EXTRACT_ALL',
    category: CAT,
    description: 'Every substring matching the pattern, or the given capture group of every match.',
    variants: [
      {
        params: ['pattern STRING', 'input STRING'],
        returns: 'ARRAY<STRING>',
        impl: (p: string, s: string) => extractAll(p, s, 0),
      },
      { params: ['pattern STRING', 'input STRING', 'group INT'], returns: 'ARRAY<STRING>', impl: extractAll },
    ],
  },
  {
    name: 'REGEXP_REPLACE',
    category: CAT,
    description: 'Replaces every match of the pattern; the replacement may refer to groups as $1.',
    variants: [
      {
        params: ['input STRING', 'pattern STRING', 'replacement STRING'],
        returns: 'STRING',
        impl: (s: string, p: string, r: string) => s.replace(javaRegex(p), javaReplacement(r)),
      },
    ],
  },
  {
    name: 'REGEXP_SPLIT_TO_ARRAY',
    category: CAT,
    description: 'Splits a string around matches of the pattern.',
    variants: [{ params: ['input STRING', 'pattern STRING'], returns: 'ARRAY<STRING>', impl: regexSplit }],
  },
];
