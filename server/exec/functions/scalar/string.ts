/** Core string functions: CONCAT, SUBSTRING, LEN, case, trimming, REPLACE, SPLIT, INSTR, ELT, FIELD. */
import type { ScalarSpec } from '../define';

const CAT = 'STRING';

function concatBytes(parts: readonly (Uint8Array | null)[]): Uint8Array {
  return Buffer.concat(parts.filter((p): p is Uint8Array => p !== null && p !== undefined));
}

/** Java's String.trim: strips every char ≤ U+0020 at the chosen ends. */
export function javaTrim(s: string, left = true, right = true): string {
  let a = 0;
  let b = s.length;
  while (left && a < b && s.charCodeAt(a) <= 32) a++;
  while (right && b > a && s.charCodeAt(b - 1) <= 32) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

/** ksqlDB's SUBSTRING bounds: 1-based, negative counts from the end, clamped to the value. */
function startIndex(len: number, pos: number): number {
  return pos < 0 ? Math.max(len + pos, 0) : Math.max(Math.min(pos - 1, len), 0);
}
function endIndex(len: number, start: number, length: number): number {
  return Math.max(Math.min(start + length, len), start);
}

function splitString(s: string, delim: string): string[] {
  if (delim === '') return s === '' ? [''] : [...s].flatMap((c) => (c.length > 1 ? c.split('') : [c]));
  return s.split(delim);
}

function splitBytes(b: Uint8Array, delim: Uint8Array): Uint8Array[] {
  const buf = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  if (delim.length === 0) return b.length === 0 ? [new Uint8Array(0)] : [...b].map((x) => Uint8Array.of(x));
  const out: Uint8Array[] = [];
  let from = 0;
  for (;;) {
    const i = buf.indexOf(delim, from);
    if (i < 0) break;
    out.push(b.slice(from, i));
    from = i + delim.length;
  }
  out.push(b.slice(from));
  return out;
}

export const STRING_FUNCTIONS: readonly ScalarSpec[] = [
  {
    name: 'CONCAT',
    category: CAT,
    description: 'Concatenates strings or bytes; NULL arguments are skipped.',
    variants: [
      {
        params: ['...inputs STRING|the values to join'],
        returns: 'STRING',
        nulls: 'custom',
        impl: (...xs: (string | null)[]) => {
          let out = '';
          for (const x of xs) if (x !== null && x !== undefined) out += x;
          return out;
        },
      },
      {
        params: ['...inputs BYTES|the values to join'],
        returns: 'BYTES',
        nulls: 'custom',
        impl: (...xs: (Uint8Array | null)[]) => concatBytes(xs),
      },
    ],
  },
  {
    name: 'CONCAT_WS',
    category: CAT,
    description: 'Joins values with a separator, skipping NULL values; NULL if the separator is NULL.',
    variants: [
      {
        params: ['separator STRING', '...inputs STRING'],
        returns: 'STRING',
        nulls: 'custom',
        impl: (sep: string | null, ...xs: (string | null)[]) => {
          if (sep === null) return null;
          let out = '';
          let first = true;
          for (const x of xs) {
            if (x === null || x === undefined) continue;
            out += first ? x : sep + x;
            first = false;
          }
          return out;
        },
      },
      {
        params: ['separator BYTES', '...inputs BYTES'],
        returns: 'BYTES',
        nulls: 'custom',
        impl: (sep: Uint8Array | null, ...xs: (Uint8Array | null)[]) => {
          if (sep === null) return null;
          const parts: Uint8Array[] = [];
          for (const x of xs) {
            if (x === null || x === undefined) continue;
            if (parts.length > 0) parts.push(sep);
            parts.push(x);
          }
          return concatBytes(parts);
        },
      },
    ],
  },
  {
    name: 'SUBSTRING',
    category: CAT,
    description:
      'The part of a string or bytes from a 1-based position (negative counts from the end), optionally of a given length.',
    variants: [
      {
        params: ['str STRING', 'pos INT|1-based start; negative counts from the end'],
        returns: 'STRING',
        impl: (s: string, pos: number) => s.slice(startIndex(s.length, pos)),
      },
      {
        params: ['str STRING', 'pos INT', 'length INT'],
        returns: 'STRING',
        impl: (s: string, pos: number, len: number) => {
          const start = startIndex(s.length, pos);
          return s.slice(start, endIndex(s.length, start, len));
        },
      },
      {
        params: ['bytes BYTES', 'pos INT'],
        returns: 'BYTES',
        impl: (b: Uint8Array, pos: number) => b.slice(startIndex(b.length, pos)),
      },
      {
        params: ['bytes BYTES', 'pos INT', 'length INT'],
        returns: 'BYTES',
        impl: (b: Uint8Array, pos: number, len: number) => {
          const start = startIndex(b.length, pos);
          return b.slice(start, endIndex(b.length, start, len));
        },
      },
    ],
  },
  {
    name: 'LEN',
    category: CAT,
    description: 'The length of a string (UTF-16 code units, as Java) or of bytes.',
    variants: [
      { params: ['input STRING'], returns: 'INT', impl: (s: string) => s.length },
      { params: ['input BYTES'], returns: 'INT', impl: (b: Uint8Array) => b.length },
    ],
  },
  {
    name: 'UCASE',
    category: CAT,
    description: 'Converts a string to upper case.',
    variants: [{ params: ['input STRING'], returns: 'STRING', impl: (s: string) => s.toUpperCase() }],
  },
  {
    name: 'LCASE',
    category: CAT,
    description: 'Converts a string to lower case.',
    variants: [{ params: ['input STRING'], returns: 'STRING', impl: (s: string) => s.toLowerCase() }],
  },
  {
    name: 'TRIM',
    category: CAT,
    description: 'Removes leading and trailing whitespace and control characters.',
    variants: [{ params: ['input STRING'], returns: 'STRING', impl: (s: string) => javaTrim(s) }],
  },
  {
    name: 'LTRIM',
    category: CAT,
    description: 'Removes leading whitespace.',
    variants: [
      { params: ['input STRING'], returns: 'STRING', impl: (s: string) => javaTrim(s, true, false) },
    ],
  },
  {
    name: 'RTRIM',
    category: CAT,
    description: 'Removes trailing whitespace.',
    variants: [
      { params: ['input STRING'], returns: 'STRING', impl: (s: string) => javaTrim(s, false, true) },
    ],
  },
  {
    name: 'REPLACE',
    category: CAT,
    description: 'Replaces every occurrence of a substring with another.',
    variants: [
      {
        params: ['input STRING', 'target STRING', 'replacement STRING'],
        returns: 'STRING',
        impl: (s: string, a: string, b: string) => s.replaceAll(a, () => b),
      },
    ],
  },
  {
    name: 'SPLIT',
    category: CAT,
    description: 'Splits a string or bytes by a delimiter; an empty delimiter splits into characters.',
    variants: [
      { params: ['input STRING', 'delimiter STRING'], returns: 'ARRAY<STRING>', impl: splitString },
      { params: ['input BYTES', 'delimiter BYTES'], returns: 'ARRAY<BYTES>', impl: splitBytes },
    ],
  },
  {
    name: 'SPLIT_TO_MAP',
    category: CAT,
    description: 'Splits a string into key-value pairs: entries by one delimiter, key from value by another.',
    variants: [
      {
        params: ['input STRING', 'entryDelimiter STRING', 'kvDelimiter STRING'],
        returns: 'MAP<STRING, STRING>',
        impl: (s: string, entry: string, kv: string) => {
          if (entry === '' || kv === '') return null;
          const out = new Map<string, string>();
          for (const e of s.split(entry)) {
            if (e === '') continue;
            const parts = e.split(kv);
            if (parts.length < 2) continue;
            out.set(parts[0]!, parts[1]!);
          }
          return out;
        },
      },
    ],
  },
];
