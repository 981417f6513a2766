/**
 * Guessing the format of raw record bytes for `PRINT 'topic'`, as ksqlDB's RecordFormatter does:
 * each candidate deserializer either reads the bytes (and gives the text to print) or fails.
 * Candidates in ksqlDB's order: JSON, KAFKA_INT, KAFKA_BIGINT, KAFKA_DOUBLE, KAFKA_STRING, and last
 * the raw bytes (printed as ASCII with `\xNN` escapes). Keys may also be windowed: SESSION(f),
 * HOPPING(f) and TUMBLING(f) wrap each of the first five. Schema Registry formats are not tried.
 */
import { isUtf8 } from 'node:buffer';
import { formatDouble } from '../../types/java-format';
import { parseJsonLenient } from './json-parse';

export type PrintBaseFormat = 'JSON' | 'KAFKA_INT' | 'KAFKA_BIGINT' | 'KAFKA_DOUBLE' | 'KAFKA_STRING';
export type PrintWindowType = 'SESSION' | 'HOPPING' | 'TUMBLING';
export type PrintFormat = PrintBaseFormat | `${PrintWindowType}(${PrintBaseFormat})` | 'BYTES';

/** Reads bytes as one format: the text to print, or undefined if the bytes are not in it. */
type TryFormat = (bytes: Buffer) => string | undefined;

const REPLACEMENT = '\ufffd';

/** Text ksqlDB accepts as a string: non-empty, valid UTF-8, no replacement character. */
function text(bytes: Buffer): string | undefined {
  if (bytes.length === 0 || !isUtf8(bytes)) return undefined;
  const s = bytes.toString('utf8');
  return s.includes(REPLACEMENT) ? undefined : s;
}

function tryJson(bytes: Buffer): string | undefined {
  const s = text(bytes);
  if (s === undefined) return undefined;
  try {
    JSON.parse(s);
    return s;
  } catch {
    try {
      parseJsonLenient(s.charCodeAt(0) === 0xfeff ? s.slice(1) : s);
      return s;
    } catch {
      return undefined;
    }
  }
}

const BASE: Readonly<Record<PrintBaseFormat, TryFormat>> = {
  JSON: tryJson,
  KAFKA_INT: (b) => (b.length === 4 ? String(b.readInt32BE(0)) : undefined),
  KAFKA_BIGINT: (b) => (b.length === 8 ? b.readBigInt64BE(0).toString() : undefined),
  KAFKA_DOUBLE: (b) => (b.length === 8 ? formatDouble(b.readDoubleBE(0)) : undefined),
  KAFKA_STRING: text,
};

export const PRINT_BASE_FORMATS: readonly PrintBaseFormat[] = [
  'JSON',
  'KAFKA_INT',
  'KAFKA_BIGINT',
  'KAFKA_DOUBLE',
  'KAFKA_STRING',
];

const WINDOW_TYPES: readonly PrintWindowType[] = ['SESSION', 'HOPPING', 'TUMBLING'];

function windowed(type: PrintWindowType, inner: TryFormat): TryFormat {
  const suffix = type === 'SESSION' ? 16 : 8;
  return (b) => {
    if (b.length < suffix) return undefined;
    const n = b.length - suffix;
    const key = inner(b.subarray(0, n));
    if (key === undefined) return undefined;
    if (type !== 'SESSION') return `[${key}@${b.readBigInt64BE(n).toString()}/-]`;
    return `[${key}@${b.readBigInt64BE(n + 8).toString()}/${b.readBigInt64BE(n).toString()}]`;
  };
}

/** Kafka's Bytes.toString: printable ASCII as is (except backslash), everything else as \xNN. */
export function bytesToString(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) {
    out +=
      b >= 0x20 && b <= 0x7e && b !== 0x5c
        ? String.fromCharCode(b)
        : `\\x${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

export interface PrintCandidate {
  readonly name: PrintFormat;
  readonly read: TryFormat;
}

/** ksqlDB's candidate list, in order; keys also get the windowed variants before each base format. */
export function printCandidates(windowedVariants: boolean): PrintCandidate[] {
  const out: PrintCandidate[] = [];
  for (const f of PRINT_BASE_FORMATS) {
    if (windowedVariants) {
      for (const w of WINDOW_TYPES) out.push({ name: `${w}(${f})`, read: windowed(w, BASE[f]) });
    }
    out.push({ name: f, read: BASE[f] });
  }
  out.push({ name: 'BYTES', read: bytesToString });
  return out;
}

const PLAIN = printCandidates(false);
const WITH_WINDOWS = printCandidates(true);
const BY_NAME = new Map<PrintFormat, TryFormat>(WITH_WINDOWS.map((c) => [c.name, c.read]));

/** The first format that reads `bytes` (null for a null key or value). */
export function detectFormat(bytes: Buffer | null, options: { windowed?: boolean } = {}): PrintFormat | null {
  if (bytes === null) return null;
  for (const c of options.windowed === true ? WITH_WINDOWS : PLAIN) {
    if (c.read(bytes) !== undefined) return c.name;
  }
  return 'BYTES';
}

/** `bytes` printed as `detected`; `<null>` for null, raw bytes if `detected` does not fit them. */
export function formatForPrint(bytes: Buffer | null, detected: PrintFormat | null): string {
  if (bytes === null) return '<null>';
  const read = detected === null ? undefined : BY_NAME.get(detected);
  return read?.(bytes) ?? bytesToString(bytes);
}
