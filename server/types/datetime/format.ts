/**
 * Formats dates and times with java.time DateTimeFormatter patterns (English locale).
 */
import {
  civilFromDays,
  dayOfWeek,
  dayOfYear,
  epochDay,
  millisOfDay,
  MS_PER_DAY,
  type CivilDate,
} from './civil';
import { DAYS_LONG, DAYS_SHORT, MONTHS_LONG, MONTHS_SHORT, QUARTERS_LONG } from './names';
import { compilePattern, type PatternToken } from './pattern';
import { formatOffsetId, type TimeZone } from './zone';

/** The fields a value offers to a pattern; a DATE has no time, a TIME no date and neither a zone. */
interface Moment {
  readonly days: number | null;
  /** The civil date of `days`, computed once per call rather than once per pattern letter. */
  readonly date: CivilDate | null;
  readonly msOfDay: number | null;
  readonly offset: number | null;
  readonly zone: TimeZone | null;
  readonly epochMs: number;
}

/** Formats a TIMESTAMP (epoch millis) as seen in `zone`. */
export function formatTimestamp(epochMs: number, pattern: string, zone: TimeZone): string {
  const offset = zone.offsetAt(epochMs);
  const local = epochMs + offset;
  const days = epochDay(local);
  return render(compilePattern(pattern).tokens, {
    days,
    date: civilFromDays(days),
    msOfDay: millisOfDay(local),
    offset,
    zone,
    epochMs,
  });
}

/** Formats a DATE (days since the epoch); time or zone letters throw "Unsupported field". */
export function formatDate(days: number, pattern: string): string {
  return render(compilePattern(pattern).tokens, {
    days,
    date: civilFromDays(days),
    msOfDay: null,
    offset: null,
    zone: null,
    epochMs: days * MS_PER_DAY,
  });
}

/** Formats a TIME (millis of day); date or zone letters throw "Unsupported field". */
export function formatTime(msOfDay: number, pattern: string): string {
  return render(compilePattern(pattern).tokens, {
    days: null,
    date: null,
    msOfDay,
    offset: null,
    zone: null,
    epochMs: msOfDay,
  });
}

function render(tokens: readonly PatternToken[], m: Moment): string {
  let out = '';
  for (const t of tokens) {
    if (t.kind === 'literal') out += t.text;
    else if (t.kind === 'optional') out += render(t.tokens, m);
    else out += field(t.letter, t.count, m);
  }
  return out;
}

function pad(n: number, width: number): string {
  const s = String(Math.abs(n));
  const padded = s.length >= width ? s : '0'.repeat(width - s.length) + s;
  return n < 0 ? `-${padded}` : padded;
}

const FIELD_NAMES: Record<string, string> = {
  G: 'Era',
  u: 'Year',
  y: 'YearOfEra',
  Y: 'WeekBasedYear',
  D: 'DayOfYear',
  M: 'MonthOfYear',
  L: 'MonthOfYear',
  d: 'DayOfMonth',
  Q: 'QuarterOfYear',
  q: 'QuarterOfYear',
  w: 'WeekOfWeekBasedYear',
  W: 'WeekOfMonth',
  E: 'DayOfWeek',
  e: 'DayOfWeek',
  c: 'DayOfWeek',
  F: 'AlignedWeekOfMonth',
  a: 'AmPmOfDay',
  B: 'DayPeriod',
  h: 'ClockHourOfAmPm',
  K: 'HourOfAmPm',
  k: 'ClockHourOfDay',
  H: 'HourOfDay',
  m: 'MinuteOfHour',
  s: 'SecondOfMinute',
  S: 'NanoOfSecond',
  A: 'MilliOfDay',
  n: 'NanoOfSecond',
  N: 'NanoOfDay',
};

function unsupported(letter: string): Error {
  return new Error(`Unsupported field: ${FIELD_NAMES[letter] ?? 'OffsetSeconds'}`);
}

function text(full: string, short: string, count: number): string {
  if (count === 4) return full;
  if (count === 5) return full.charAt(0);
  return short;
}

function field(letter: string, count: number, m: Moment): string {
  switch (letter) {
    case 'X':
    case 'x':
    case 'Z':
    case 'O':
      if (m.offset === null) throw unsupported(letter);
      return formatOffset(letter, count, m.offset);
    case 'V':
      if (!m.zone) throw new Error('Unable to extract ZoneId');
      return m.zone.id;
    case 'z':
    case 'v':
      if (!m.zone) throw new Error('Unable to extract ZoneId');
      return count === 4 ? m.zone.longName(m.epochMs) : m.zone.shortName(m.epochMs);
    default:
      break;
  }
  const ms = m.msOfDay;
  const timeField = 'ahKkHmsSAnNB'.includes(letter);
  if (timeField) {
    if (ms === null) throw unsupported(letter);
    const hour = Math.floor(ms / 3_600_000);
    switch (letter) {
      case 'a':
      case 'B':
        return hour < 12 ? 'AM' : 'PM';
      case 'h':
        return pad(hour % 12 === 0 ? 12 : hour % 12, count);
      case 'K':
        return pad(hour % 12, count);
      case 'k':
        return pad(hour === 0 ? 24 : hour, count);
      case 'H':
        return pad(hour, count);
      case 'm':
        return pad(Math.floor(ms / 60_000) % 60, count);
      case 's':
        return pad(Math.floor(ms / 1000) % 60, count);
      case 'S': {
        const nanos = pad((ms % 1000) * 1_000_000, 9);
        return count <= 9 ? nanos.slice(0, count) : nanos + '0'.repeat(count - 9);
      }
      case 'A':
        return pad(ms, count);
      case 'n':
        return pad((ms % 1000) * 1_000_000, count);
      default:
        return pad(ms * 1_000_000, count);
    }
  }
  if (m.days === null || m.date === null) throw unsupported(letter);
  const date = m.date;
  switch (letter) {
    case 'G':
      return count === 4 ? (date.year > 0 ? 'Anno Domini' : 'Before Christ') : date.year > 0 ? 'AD' : 'BC';
    case 'u':
    case 'y':
    case 'Y': {
      const year = letter === 'u' ? date.year : date.year > 0 ? date.year : 1 - date.year;
      if (count === 2) return pad(((year % 100) + 100) % 100, 2);
      if (count >= 4 && year > 9999) return `+${year}`;
      return pad(year, count);
    }
    case 'M':
    case 'L':
      if (count >= 3) return text(MONTHS_LONG[date.month - 1]!, MONTHS_SHORT[date.month - 1]!, count);
      return pad(date.month, count);
    case 'd':
      return pad(date.day, count);
    case 'D':
      return pad(dayOfYear(date.year, date.month, date.day), count);
    case 'Q':
    case 'q': {
      const q = Math.floor((date.month - 1) / 3) + 1;
      if (count === 3) return `Q${q}`;
      if (count === 4) return QUARTERS_LONG[q - 1]!;
      return pad(q, count);
    }
    case 'E':
    case 'e':
    case 'c': {
      const dow = dayOfWeek(m.days);
      if (letter !== 'E' && count <= 2) return pad((dow % 7) + 1, count); // US locale: Sunday = 1
      return text(DAYS_LONG[dow - 1]!, DAYS_SHORT[dow - 1]!, count);
    }
    case 'w': {
      // US locale weeks: start on Sunday, week 1 contains January 1st.
      const jan1 = m.days - dayOfYear(date.year, date.month, date.day) + 1;
      const jan1Dow = dayOfWeek(jan1) % 7;
      return pad(Math.floor((m.days - jan1 + jan1Dow) / 7) + 1, count);
    }
    case 'W': {
      const first = m.days - date.day + 1;
      return pad(Math.floor((date.day - 1 + (dayOfWeek(first) % 7)) / 7) + 1, count);
    }
    case 'F':
      return pad(Math.floor((date.day - 1) / 7) + 1, count);
    default:
      throw new Error(`Unknown pattern letter: ${letter}`);
  }
}

function formatOffset(letter: string, count: number, offsetMs: number): string {
  const total = Math.round(offsetMs / 1000);
  const sign = total < 0 ? '-' : '+';
  const abs = Math.abs(total);
  const h = Math.floor(abs / 3600);
  const mi = Math.floor((abs % 3600) / 60);
  const s = abs % 60;
  if (letter === 'O') {
    if (total === 0) return 'GMT';
    if (count === 1) return `GMT${sign}${h}${mi || s ? `:${pad(mi, 2)}` : ''}${s ? `:${pad(s, 2)}` : ''}`;
    return `GMT${sign}${pad(h, 2)}:${pad(mi, 2)}${s ? `:${pad(s, 2)}` : ''}`;
  }
  if (letter === 'Z') {
    if (count === 4) return total === 0 ? 'GMT' : `GMT${formatOffsetId(offsetMs)}`;
    if (count === 5) return total === 0 ? 'Z' : formatOffsetId(offsetMs);
    return `${sign}${pad(h, 2)}${pad(mi, 2)}`;
  }
  if (letter === 'X' && total === 0) return 'Z';
  const hh = `${sign}${pad(h, 2)}`;
  switch (count) {
    case 1:
      return mi ? `${hh}${pad(mi, 2)}` : hh;
    case 2:
      return `${hh}${pad(mi, 2)}`;
    case 3:
      return `${hh}:${pad(mi, 2)}`;
    case 4:
      return `${hh}${pad(mi, 2)}${s ? pad(s, 2) : ''}`;
    default:
      return `${hh}:${pad(mi, 2)}${s ? `:${pad(s, 2)}` : ''}`;
  }
}
