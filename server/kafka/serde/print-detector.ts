/**
 * PRINT's running format detection, as ksqlDB does it: start with every candidate format and drop
 * each one that fails to read a record; print each record with the first candidate left, and
 * print `Key format: …` / `Value format: …` lines whenever the lists change.
 */
import { civilFromDays } from '../../types/datetime/civil';
import { bytesToString, printCandidates, type PrintCandidate } from './print-format';

const MS_PER_DAY = 86_400_000;

export class PrintFormatDetector {
  private candidates: PrintCandidate[];
  private seenData = false;

  constructor(isKey: boolean) {
    this.candidates = printCandidates(isKey);
  }

  /** The record's key or value as PRINT shows it; narrows the candidate list. */
  format(bytes: Buffer | null): string {
    if (bytes === null) return '<null>';
    this.seenData = true;
    let first: string | undefined;
    this.candidates = this.candidates.filter((c) => {
      const s = c.read(bytes);
      if (s !== undefined && first === undefined) first = s;
      return s !== undefined;
    });
    return first ?? bytesToString(bytes);
  }

  /** The formats still possible, as PRINT lists them (raw bytes are never listed). */
  possibleFormats(): string[] {
    if (!this.seenData) return ['¯\\_(ツ)_/¯ - no data processed'];
    return this.candidates.filter((c) => c.name !== 'BYTES').map((c) => c.name);
  }
}

/** `Key format: A or B`, or ksqlDB's sentence when nothing fits. */
export function formatsLine(prefix: 'Key format: ' | 'Value format: ', formats: readonly string[]): string {
  if (formats.length === 0) {
    return `${prefix} does not match any supported format. It may be a STRING with encoding other than UTF8, or some other format.`;
  }
  return prefix + formats.join(' or ');
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** A record timestamp as PRINT shows it (`yyyy/MM/dd HH:mm:ss.SSS Z`, UTC); N/A when unknown. */
export function formatRowtime(epochMs: number | null | undefined): string {
  // -1 is Kafka's NO_TIMESTAMP.
  if (epochMs === null || epochMs === undefined || epochMs === -1 || !Number.isFinite(epochMs)) return 'N/A';
  const days = Math.floor(epochMs / MS_PER_DAY);
  const ms = epochMs - days * MS_PER_DAY;
  const { year, month, day } = civilFromDays(days);
  const time = `${pad(Math.floor(ms / 3_600_000), 2)}:${pad(Math.floor(ms / 60_000) % 60, 2)}:${pad(Math.floor(ms / 1000) % 60, 2)}.${pad(ms % 1000, 3)}`;
  return `${pad(year, 4)}/${pad(month, 2)}/${pad(day, 2)} ${time} Z`;
}

export interface PrintRecord {
  readonly timestamp: number | null;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly partition: number;
}

/** One PRINT line: `rowtime: …, key: …, value: …, partition: n`. */
export function formatPrintRecord(
  record: PrintRecord,
  key: PrintFormatDetector,
  value: PrintFormatDetector,
): string {
  return (
    `rowtime: ${formatRowtime(record.timestamp)}, key: ${key.format(record.key)}, ` +
    `value: ${value.format(record.value)}, partition: ${record.partition}`
  );
}
