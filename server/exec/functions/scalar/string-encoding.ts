/** Byte/encoding functions: TO_BYTES, FROM_BYTES, ENCODE, MD5, UUID, CHR. */
import { createHash, randomUUID } from 'node:crypto';
import type { ScalarSpec } from '../define';

const CAT = 'STRING';

const HEX = /^[0-9a-fA-F]*$/;

/** Text → bytes in one of ksqlDB's encodings (hex, utf8, ascii, base64); undefined if impossible. */
export function decodeText(text: string, encoding: string): Uint8Array | undefined {
  switch (encoding.toLowerCase()) {
    case 'hex': {
      // As ksqlDB: only the 0x form may have an odd number of digits (a leading 0 is implied).
      let h = text;
      const zeroX = /^0x/i.test(h);
      if (zeroX) h = h.slice(2);
      else if (/^x'.*'$/i.test(h)) h = h.slice(2, -1);
      if (!HEX.test(h)) return undefined;
      if (h.length % 2 === 1) {
        if (!zeroX) return undefined;
        h = `0${h}`;
      }
      return Buffer.from(h, 'hex');
    }
    case 'utf8':
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'ascii':
      return Uint8Array.from(text, (c) => (c.charCodeAt(0) < 128 ? c.charCodeAt(0) : 63));
    case 'base64':
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return undefined;
      return Buffer.from(text, 'base64');
    default:
      return undefined;
  }
}

/** Bytes → text in one of ksqlDB's encodings; undefined for an unknown encoding. */
export function encodeBytes(bytes: Uint8Array, encoding: string): string | undefined {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (encoding.toLowerCase()) {
    case 'hex':
      return buf.toString('hex');
    case 'utf8':
    case 'utf-8':
      return buf.toString('utf8');
    case 'ascii':
      return String.fromCharCode(...Array.from(bytes, (b) => (b < 128 ? b : 0xfffd)));
    case 'base64':
      return buf.toString('base64');
    default:
      return undefined;
  }
}

function uuidFromBytes(b: Uint8Array): string | null {
  if (b.length !== 16) return null;
  const h = Buffer.from(b.buffer, b.byteOffset, 16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function chrFromString(s: string): string | null {
  const m = /^\\u([0-9a-fA-F]{4})(?:\\u([0-9a-fA-F]{4}))?$/.exec(s);
  if (!m) return null;
  return String.fromCharCode(parseInt(m[1]!, 16), ...(m[2] ? [parseInt(m[2], 16)] : []));
}

export const ENCODING_FUNCTIONS: readonly ScalarSpec[] = [
  {
    name: 'TO_BYTES',
    category: CAT,
    description: "Converts a string to bytes using an encoding: 'hex', 'utf8', 'ascii' or 'base64'.",
    variants: [
      {
        params: ['input STRING', 'encoding STRING'],
        returns: 'BYTES',
        impl: (s: string, enc: string) => {
          const b = decodeText(s, enc);
          if (!b) throw new Error(`Cannot convert '${s}' to bytes with encoding '${enc}'`);
          return b;
        },
      },
    ],
  },
  {
    name: 'FROM_BYTES',
    category: CAT,
    description: "Converts bytes to a string using an encoding: 'hex', 'utf8', 'ascii' or 'base64'.",
    variants: [
      {
        params: ['bytes BYTES', 'encoding STRING'],
        returns: 'STRING',
        impl: (b: Uint8Array, enc: string) => {
          const s = encodeBytes(b, enc);
          if (s === undefined) throw new Error(`Unsupported encoding '${enc}'`);
          return s;
        },
      },
    ],
  },
  {
    name: 'ENCODE',
    category: CAT,
    description:
      "Re-encodes a string from one encoding to another ('hex', 'utf8', 'ascii', 'base64'); NULL if either is unknown.",
    variants: [
      {
        params: ['input STRING', 'inputEncoding STRING', 'outputEncoding STRING'],
        returns: 'STRING',
        impl: (s: string, from: string, to: string) => {
          const b = decodeText(s, from);
          return b === undefined ? null : (encodeBytes(b, to) ?? null);
        },
      },
    ],
  },
  {
    name: 'MD5',
    category: CAT,
    description: 'The MD5 hash of a string (UTF-8) as 32 hexadecimal digits.',
    variants: [
      {
        params: ['input STRING'],
        returns: 'STRING',
        impl: (s: string) => createHash('md5').update(s, 'utf8').digest('hex'),
      },
    ],
  },
  {
    name: 'UUID',
    category: CAT,
    description: 'A random version-4 UUID, or the UUID text of 16 bytes.',
    variants: [
      { params: [], returns: 'STRING', nondeterministic: true, impl: () => randomUUID() },
      { params: ['bytes BYTES'], returns: 'STRING', impl: uuidFromBytes },
    ],
  },
  {
    name: 'CHR',
    category: CAT,
    description: "The character of a decimal code point, or of a UTF-16 escape such as '\\u004b'.",
    variants: [
      {
        params: ['decimalCode INT'],
        returns: 'STRING',
        impl: (n: number) => (n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : null),
      },
      { params: ['utf16Code STRING'], returns: 'STRING', impl: chrFromString },
    ],
  },
];
