/**
 * ksqlDB's default text forms of temporal values, used by CAST and by comparisons of TIMESTAMP,
 * DATE and TIME columns with string literals (`WHERE ROWTIME > '2019-01-01T00:00:00'`).
 *
 * Parsing is partial-ISO as ksqlDB's PartialStringToTimestampParser: any prefix of
 * `yyyy-MM-ddTHH:mm:ss.fffffffff` is accepted, optionally followed by `Z` or an offset
 * (`+01:00`, `+0100`, `+01`). Missing parts default to the start of the period.
 */
import { civilFromDays, daysFromCivil, daysInMonth, epochDay, millisOfDay, MS_PER_DAY } from './civil';

const PARTIAL_TIMESTAMP =
  /^(-?\d{4,})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2})(?::(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?)?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const TIME_TEXT = /^(\d{2})(?::(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?$/;

function pad(n: number, w: number): string {
  return String(n).padStart(w, '0');
}

function inRange(v: number, lo: number, hi: number): boolean {
  return v >= lo && v <= hi;
}

/** Epoch millis of a partial ISO timestamp, or null if the text is not one. UTC unless an offset is given. */
export function parseIsoTimestamp(text: string): number | null {
  const m = PARTIAL_TIMESTAMP.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : 1;
  const day = m[3] ? Number(m[3]) : 1;
  const hour = m[4] ? Number(m[4]) : 0;
  const minute = m[5] ? Number(m[5]) : 0;
  const second = m[6] ? Number(m[6]) : 0;
  const millis = m[7] ? Math.floor(Number(m[7].padEnd(9, '0')) / 1e6) : 0;
  if (!inRange(month, 1, 12) || !inRange(day, 1, daysInMonth(year, month))) return null;
  if (!inRange(hour, 0, 23) || !inRange(minute, 0, 59) || !inRange(second, 0, 59)) return null;
  let offset = 0;
  const zone = m[8];
  if (zone && zone.toUpperCase() !== 'Z') {
    const digits = zone.replace(':', '');
    offset =
      (zone[0] === '-' ? -1 : 1) *
      (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || 0)) *
      60_000;
  }
  const local =
    daysFromCivil(year, month, day) * MS_PER_DAY + hour * 3_600_000 + minute * 60_000 + second * 1000;
  return local + millis - offset;
}

/** Days since the epoch of `yyyy-MM-dd` (or a shorter prefix: `yyyy-MM`, `yyyy`); null if invalid. */
export function parseIsoDate(text: string): number | null {
  const ts = parseIsoTimestamp(text);
  return ts === null ? null : epochDay(ts);
}

/** Millis of day of `HH:mm[:ss[.fff]]`; null if invalid. */
export function parseIsoTime(text: string): number | null {
  const m = TIME_TEXT.exec(text.trim());
  if (!m) return null;
  const hour = Number(m[1]);
  const minute = m[2] ? Number(m[2]) : 0;
  const second = m[3] ? Number(m[3]) : 0;
  if (!inRange(hour, 0, 23) || !inRange(minute, 0, 59) || !inRange(second, 0, 59)) return null;
  const millis = m[4] ? Math.floor(Number(m[4].padEnd(9, '0')) / 1e6) : 0;
  return hour * 3_600_000 + minute * 60_000 + second * 1000 + millis;
}

/** `yyyy-MM-ddTHH:mm:ss.SSS` in UTC — how ksqlDB casts a TIMESTAMP to STRING. */
export function formatIsoTimestamp(epochMs: number): string {
  return `${formatIsoDate(epochDay(epochMs))}T${formatClock(millisOfDay(epochMs), true)}`;
}

/** `yyyy-MM-dd` — ISO_LOCAL_DATE. */
export function formatIsoDate(days: number): string {
  const d = civilFromDays(days);
  const year = d.year < 0 ? `-${pad(-d.year, 4)}` : d.year > 9999 ? `+${d.year}` : pad(d.year, 4);
  return `${year}-${pad(d.month, 2)}-${pad(d.day, 2)}`;
}

/** `HH:mm:ss` plus `.SSS` when there are millis — ISO_LOCAL_TIME as ksqlDB prints a TIME. */
export function formatIsoTime(msOfDay: number): string {
  return formatClock(msOfDay, false);
}

function formatClock(ms: number, alwaysMillis: boolean): string {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  const f = ms % 1000;
  const base = `${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}`;
  return alwaysMillis || f !== 0 ? `${base}.${pad(f, 3)}` : base;
}
