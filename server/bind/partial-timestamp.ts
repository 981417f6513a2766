import type { Expression } from '../sql/ast';

/**
 * ksqlDB lets a WHERE clause compare ROWTIME, WINDOWSTART and WINDOWEND with text datetimes:
 * `WINDOWSTART >= '2020-02-23T23:45'`. The text may stop after any field (missing fields take
 * their lowest value) and may end with a zone offset (`Z`, `+01`, `-0100`, `+01:00`); without one
 * it is UTC.
 */
const PARTIAL_TIMESTAMP =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2})(?::(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?)?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;

const TIME_PSEUDO_COLUMNS = new Set(['ROWTIME', 'WINDOWSTART', 'WINDOWEND']);

/** Whether the expression names ROWTIME, WINDOWSTART or WINDOWEND (of any source). */
export function isTimePseudoColumn(e: Expression): boolean {
  return e.kind === 'ColumnRef' && TIME_PSEUDO_COLUMNS.has(e.name.name);
}

/** Epoch milliseconds of a (partial) datetime text; throws with ksqlDB's message if it is not one. */
export function parsePartialTimestamp(text: string): number {
  const m = PARTIAL_TIMESTAMP.exec(text.trim());
  if (!m) {
    throw new Error(
      `Failed to parse timestamp '${text}': expected a datetime like 2020-02-23T23:45:12.000, optionally with a zone offset such as -0100`,
    );
  }
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', frac = '0', zone] = m;
  const millis = Math.floor(Number(`0.${frac}`) * 1000);
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), millis);
  const fields = new Date(utc);
  // 24:00 is the end of a day (the next day's start), as java.time reads it; 24:01 is nothing.
  const endOfDay = Number(h) === 24 && Number(mi) === 0 && Number(s) === 0 && millis === 0;
  const sameDay = endOfDay ? new Date(utc - 1) : fields;
  if (
    sameDay.getUTCMonth() !== Number(mo) - 1 ||
    sameDay.getUTCDate() !== Number(d) ||
    (Number(h) > 23 && !endOfDay) ||
    Number(mi) > 59 ||
    Number(s) > 59
  ) {
    throw new Error(`Failed to parse timestamp '${text}': a field is out of range`);
  }
  return utc - offsetMinutes(zone) * 60_000;
}

function offsetMinutes(zone: string | undefined): number {
  if (!zone || zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0'));
}
