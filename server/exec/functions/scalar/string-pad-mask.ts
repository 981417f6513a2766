/** LPAD/RPAD and the MASK family. */
import type { ScalarSpec } from '../define';

const CAT = 'STRING';

function padString(input: string, length: number, padding: string, left: boolean): string | null {
  if (length < 0 || padding === '') return null;
  if (input.length >= length) return input.slice(0, length);
  const need = length - input.length;
  const fill = padding.repeat(Math.ceil(need / padding.length)).slice(0, need);
  return left ? fill + input : input + fill;
}

function padBytes(input: Uint8Array, length: number, padding: Uint8Array, left: boolean): Uint8Array | null {
  if (length < 0 || padding.length === 0) return null;
  if (input.length >= length) return input.slice(0, length);
  const out = new Uint8Array(length);
  const need = length - input.length;
  for (let i = 0; i < need; i++) out[left ? i : input.length + i] = padding[i % padding.length]!;
  out.set(input, left ? need : 0);
  return out;
}

interface MaskChars {
  readonly upper: string | null;
  readonly lower: string | null;
  readonly digit: string | null;
  readonly other: string | null;
}

const DEFAULT_MASK: MaskChars = { upper: 'X', lower: 'x', digit: 'n', other: '-' };

/** Masks chars [from, to) of s; a NULL mask character leaves that class of characters as is. */
function maskRange(s: string, from: number, to: number, m: MaskChars): string {
  let out = s.slice(0, from);
  for (let i = from; i < to; i++) {
    const c = s[i]!;
    let r: string | null;
    if (c >= 'A' && c <= 'Z') r = m.upper;
    else if (c >= 'a' && c <= 'z') r = m.lower;
    else if (c >= '0' && c <= '9') r = m.digit;
    else r = m.other;
    out += r === null ? c : r;
  }
  return out + s.slice(to);
}

function chars(args: readonly (string | null)[]): MaskChars {
  if (args.length === 0) return DEFAULT_MASK;
  const pick = (v: string | null | undefined): string | null =>
    v === null || v === undefined ? null : v.slice(0, 1);
  return { upper: pick(args[0]), lower: pick(args[1]), digit: pick(args[2]), other: pick(args[3]) };
}

const MASK_CHARS = [
  'upper STRING|replacement for upper-case letters',
  'lower STRING',
  'digit STRING',
  'other STRING',
];

type Range = (len: number, n: number) => [number, number];

function maskFamily(name: string, description: string, range: Range | null): ScalarSpec {
  const withCount = range !== null;
  const head = withCount ? ['input STRING', 'numChars INT'] : ['input STRING'];
  const run = (s: string | null, n: number | null, rest: readonly (string | null)[]): string | null => {
    if (s === null) return null;
    if (!range) return maskRange(s, 0, s.length, chars(rest));
    if (n === null) return null;
    if (n < 0)
      throw new Error(`function ${name} requires a non-negative number of characters to mask or skip`);
    const [a, b] = range(s.length, n);
    return maskRange(s, a, b, chars(rest));
  };
  return {
    name,
    category: CAT,
    description: `${description} Defaults: X for upper case, x for lower case, n for digits, - for others; a NULL mask character leaves that class unmasked.`,
    variants: [
      {
        params: head,
        returns: 'STRING',
        nulls: 'custom',
        impl: withCount
          ? (s: string | null, n: number | null) => run(s, n, [])
          : (s: string | null) => run(s, 0, []),
      },
      {
        params: [...head, ...MASK_CHARS],
        returns: 'STRING',
        nulls: 'custom',
        impl: withCount
          ? (s: string | null, n: number | null, ...m: (string | null)[]) => run(s, n, m)
          : (s: string | null, ...m: (string | null)[]) => run(s, 0, m),
      },
    ],
  };
}

export const PAD_MASK_FUNCTIONS: readonly ScalarSpec[] = [
  {
    name: 'LPAD',
    category: CAT,
    description:
      'Pads the input on the left with the padding to the given length, or truncates it to that length.',
    variants: [
      {
        params: ['input STRING', 'length INT', 'padding STRING'],
        returns: 'STRING',
        impl: (s: string, n: number, p: string) => padString(s, n, p, true),
      },
      {
        params: ['input BYTES', 'length INT', 'padding BYTES'],
        returns: 'BYTES',
        impl: (s: Uint8Array, n: number, p: Uint8Array) => padBytes(s, n, p, true),
      },
    ],
  },
  {
    name: 'RPAD',
    category: CAT,
    description:
      'Pads the input on the right with the padding to the given length, or truncates it to that length.',
    variants: [
      {
        params: ['input STRING', 'length INT', 'padding STRING'],
        returns: 'STRING',
        impl: (s: string, n: number, p: string) => padString(s, n, p, false),
      },
      {
        params: ['input BYTES', 'length INT', 'padding BYTES'],
        returns: 'BYTES',
        impl: (s: Uint8Array, n: number, p: Uint8Array) => padBytes(s, n, p, false),
      },
    ],
  },
  maskFamily('MASK', 'Masks every character of the string.', null),
  maskFamily('MASK_LEFT', 'Masks the first n characters.', (len, n) => [0, Math.min(n, len)]),
  maskFamily('MASK_RIGHT', 'Masks the last n characters.', (len, n) => [Math.max(len - n, 0), len]),
  maskFamily('MASK_KEEP_LEFT', 'Masks all but the first n characters.', (len, n) => [Math.min(n, len), len]),
  maskFamily('MASK_KEEP_RIGHT', 'Masks all but the last n characters.', (len, n) => [
    0,
    Math.max(len - n, 0),
  ]),
];
