/** Date and time functions over TIMESTAMP, DATE and TIME values. */
import { epochDay } from '../../../types/datetime/civil';
import { formatDate, formatTime, formatTimestamp } from '../../../types/datetime/format';
import { parseDate, parseTime, parseTimestamp } from '../../../types/datetime/parse';
import { getTimeZone, UTC } from '../../../types/datetime/zone';
import type { ScalarSpec } from '../define';

export const CAT = 'DATE / TIME';

function parseFailure(kind: string, text: string, pattern: string, e: unknown): Error {
  return new Error(`Failed to parse ${kind} '${text}' with formatter '${pattern}': ${(e as Error).message}`);
}

export function formatTs(ts: number, pattern: string, zone?: string): string {
  return formatTimestamp(ts, pattern, zone === undefined ? UTC : getTimeZone(zone));
}

export function parseTs(text: string, pattern: string, zone?: string): number {
  const tz = zone === undefined ? UTC : getTimeZone(zone);
  try {
    return parseTimestamp(text, pattern, tz);
  } catch (e) {
    throw parseFailure('timestamp', text, pattern, e);
  }
}

export function parseDays(text: string, pattern: string): number {
  try {
    // ksqlDB's PARSE_DATE ignores text after the pattern ('2003-12-24-01-01' with yyyy-MM-dd).
    return parseDate(text, pattern, true);
  } catch (e) {
    throw parseFailure('date', text, pattern, e);
  }
}

function parseMillisOfDay(text: string, pattern: string): number {
  try {
    return parseTime(text, pattern);
  } catch (e) {
    throw parseFailure('time', text, pattern, e);
  }
}

export const DATETIME_FUNCTIONS: readonly ScalarSpec[] = [
  {
    name: 'UNIX_TIMESTAMP',
    category: CAT,
    description: 'Milliseconds since the epoch: now, or of the given TIMESTAMP.',
    variants: [
      { params: [], returns: 'BIGINT', nondeterministic: true, impl: () => Date.now() },
      { params: ['timestamp TIMESTAMP'], returns: 'BIGINT', impl: (t: number) => t },
    ],
  },
  {
    name: 'UNIX_DATE',
    category: CAT,
    description: 'Days since the epoch: today (UTC), or of the given DATE.',
    variants: [
      { params: [], returns: 'INT', nondeterministic: true, impl: () => epochDay(Date.now()) },
      { params: ['date DATE'], returns: 'INT', impl: (d: number) => d },
    ],
  },
  {
    name: 'FORMAT_TIMESTAMP',
    category: CAT,
    description:
      "Formats a TIMESTAMP with a java.time pattern (e.g. 'yyyy-MM-dd HH:mm:ss'), in UTC or a given time zone.",
    variants: [
      { params: ['timestamp TIMESTAMP', 'format STRING'], returns: 'STRING', impl: formatTs },
      {
        params: ['timestamp TIMESTAMP', 'format STRING', 'timeZone STRING'],
        returns: 'STRING',
        impl: formatTs,
      },
    ],
  },
  {
    name: 'PARSE_TIMESTAMP',
    category: CAT,
    description: 'Parses a string into a TIMESTAMP with a java.time pattern, in UTC or a given time zone.',
    variants: [
      { params: ['text STRING', 'format STRING'], returns: 'TIMESTAMP', impl: parseTs },
      { params: ['text STRING', 'format STRING', 'timeZone STRING'], returns: 'TIMESTAMP', impl: parseTs },
    ],
  },
  {
    name: 'FORMAT_DATE',
    category: CAT,
    description: 'Formats a DATE with a java.time pattern.',
    variants: [{ params: ['date DATE', 'format STRING'], returns: 'STRING', impl: formatDate }],
  },
  {
    name: 'PARSE_DATE',
    category: CAT,
    description: 'Parses a string into a DATE with a java.time pattern.',
    variants: [{ params: ['text STRING', 'format STRING'], returns: 'DATE', impl: parseDays }],
  },
  {
    name: 'FORMAT_TIME',
    category: CAT,
    description: 'Formats a TIME with a java.time pattern.',
    variants: [{ params: ['time TIME', 'format STRING'], returns: 'STRING', impl: formatTime }],
  },
  {
    name: 'PARSE_TIME',
    category: CAT,
    description: 'Parses a string into a TIME with a java.time pattern.',
    variants: [{ params: ['text STRING', 'format STRING'], returns: 'TIME', impl: parseMillisOfDay }],
  },
  {
    name: 'CONVERT_TZ',
    category: CAT,
    description:
      'Shifts a TIMESTAMP from one time zone to another (the wall-clock time in the first becomes that in the second).',
    variants: [
      {
        params: ['timestamp TIMESTAMP', 'fromTimeZone STRING', 'toTimeZone STRING'],
        returns: 'TIMESTAMP',
        impl: (ts: number, from: string, to: string) =>
          ts + getTimeZone(to).offsetAt(ts) - getTimeZone(from).offsetAt(ts),
      },
    ],
  },
  {
    name: 'FROM_UNIXTIME',
    category: CAT,
    description: 'The TIMESTAMP of a number of milliseconds since the epoch.',
    variants: [{ params: ['millis BIGINT'], returns: 'TIMESTAMP', impl: (ms: number) => ms }],
  },
  {
    name: 'FROM_DAYS',
    category: CAT,
    description: 'The DATE of a number of days since the epoch.',
    variants: [{ params: ['days INT'], returns: 'DATE', impl: (d: number) => d }],
  },
  {
    name: 'TIMESTAMPTOSTRING',
    category: CAT,
    description: 'Deprecated: use FORMAT_TIMESTAMP. Formats epoch milliseconds with a pattern.',
    variants: [
      { params: ['epochMilli BIGINT', 'format STRING'], returns: 'STRING', impl: formatTs },
      {
        params: ['epochMilli BIGINT', 'format STRING', 'timeZone STRING'],
        returns: 'STRING',
        impl: formatTs,
      },
    ],
  },
  {
    name: 'STRINGTOTIMESTAMP',
    category: CAT,
    description: 'Deprecated: use PARSE_TIMESTAMP. Parses a string into epoch milliseconds.',
    variants: [
      { params: ['text STRING', 'format STRING'], returns: 'BIGINT', impl: parseTs },
      { params: ['text STRING', 'format STRING', 'timeZone STRING'], returns: 'BIGINT', impl: parseTs },
    ],
  },
  {
    name: 'STRINGTODATE',
    category: CAT,
    description: 'Deprecated: use PARSE_DATE. Parses a string into days since the epoch.',
    variants: [{ params: ['text STRING', 'format STRING'], returns: 'INT', impl: parseDays }],
  },
  {
    name: 'DATETOSTRING',
    category: CAT,
    description: 'Deprecated: use FORMAT_DATE. Formats days since the epoch with a pattern.',
    variants: [{ params: ['epochDays INT', 'format STRING'], returns: 'STRING', impl: formatDate }],
  },
];
