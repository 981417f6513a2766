/**
 * Parses text with java.time DateTimeFormatter patterns, case-insensitively and with ksqlDB's
 * defaults for absent fields (1970-01-01, midnight). Adjacent numeric fields without separators
 * (`yyyyMMdd`) are split by their widths as java.time's adjacent value parsing does.
 */
import { daysFromCivil, daysInMonth, MS_PER_DAY } from './civil';
import { compilePattern, type PatternToken } from './pattern';
import { ParseFailure, type Fields } from './parse-state';
import { parseText } from './parse-text';
import { localToUtc, type TimeZone } from './zone';

/** Parses a TIMESTAMP; a zone or offset in the text wins over `zone`. Returns epoch millis. */
export function parseTimestamp(text: string, pattern: string, zone: TimeZone): number {
  const f = parseFields(text, pattern);
  const local = localDays(f, text) * MS_PER_DAY + localMillis(f, text);
  if (f.offset !== undefined) return local - f.offset;
  return localToUtc(local, f.zone ?? zone);
}

/**
 * Parses a DATE (days since the epoch); time fields in the pattern are read and ignored. With
 * `allowTrailing`, text after the pattern is ignored (ksqlDB's PARSE_DATE behaves so).
 */
export function parseDate(text: string, pattern: string, allowTrailing = false): number {
  return localDays(parseFields(text, pattern, allowTrailing), text);
}

/** Parses a TIME (millis of day); date fields in the pattern are read and ignored. */
export function parseTime(text: string, pattern: string): number {
  return localMillis(parseFields(text, pattern), text);
}

function fail(text: string, detail: string): Error {
  return new Error(`Text '${text}' could not be parsed: ${detail}`);
}

function check(text: string, name: string, v: number | undefined, lo: number, hi: number): void {
  if (v !== undefined && (v < lo || v > hi)) {
    throw fail(text, `Invalid value for ${name} (valid values ${lo} - ${hi}): ${v}`);
  }
}

function localDays(f: Fields, text: string): number {
  let year = f.year ?? (f.yearOfEra !== undefined ? (f.bc ? 1 - f.yearOfEra : f.yearOfEra) : 1970);
  if (f.year === undefined && f.yearOfEra === undefined && f.bc) year = 1 - 1970;
  check(text, 'MonthOfYear', f.month, 1, 12);
  check(text, 'DayOfMonth', f.day, 1, 31);
  if (f.dayOfYear !== undefined && f.month === undefined && f.day === undefined) {
    check(text, 'DayOfYear', f.dayOfYear, 1, 366);
    return daysFromCivil(year, 1, 1) + f.dayOfYear - 1;
  }
  const month = f.month ?? 1;
  // java.time's SMART resolver clamps an impossible day (Feb 30) to the month's last day.
  const day = Math.min(f.day ?? 1, daysInMonth(year, month));
  return daysFromCivil(year, month, day);
}

function localMillis(f: Fields, text: string): number {
  if (f.milliOfDay !== undefined) return f.milliOfDay;
  check(text, 'HourOfDay', f.hour, 0, 23);
  check(text, 'ClockHourOfAmPm', f.hour12, 1, 12);
  check(text, 'MinuteOfHour', f.minute, 0, 59);
  check(text, 'SecondOfMinute', f.second, 0, 59);
  let hour = f.hour ?? 0;
  if (f.hour === undefined && f.hour12 !== undefined) hour = (f.hour12 % 12) + (f.pm ? 12 : 0);
  else if (f.hour === undefined && f.pm) hour = 12;
  return (
    hour * 3_600_000 + (f.minute ?? 0) * 60_000 + (f.second ?? 0) * 1000 + Math.floor((f.nanos ?? 0) / 1e6)
  );
}

function parseFields(text: string, pattern: string, allowTrailing = false): Fields {
  const tokens = compilePattern(pattern).tokens;
  const f: Fields = {};
  try {
    const end = parseSeq(tokens, text, 0, f);
    if (end !== text.length && !allowTrailing) throw new ParseFailure(end, true);
  } catch (e) {
    if (e instanceof ParseFailure) {
      const where = e.unparsed ? `, unparsed text found at index ${e.index}` : ` at index ${e.index}`;
      throw new Error(`Text '${text}' could not be parsed${where}`);
    }
    throw e;
  }
  return f;
}

function isNumericField(t: PatternToken | undefined): boolean {
  if (!t || t.kind !== 'field') return false;
  if ('MLQq'.includes(t.letter)) return t.count <= 2;
  return 'yuYdDhHkKmsSnAN'.includes(t.letter);
}

function fixedWidth(t: PatternToken): number {
  if (t.kind !== 'field') return 0;
  if ('yuY'.includes(t.letter)) return t.count === 2 ? 2 : Math.max(t.count, 1);
  return t.count;
}

function parseSeq(tokens: readonly PatternToken[], text: string, start: number, f: Fields): number {
  let pos = start;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'literal') {
      if (text.substring(pos, pos + t.text.length).toLowerCase() !== t.text.toLowerCase()) {
        throw new ParseFailure(pos);
      }
      pos += t.text.length;
    } else if (t.kind === 'optional') {
      const trial: Fields = { ...f };
      try {
        pos = parseSeq(t.tokens, text, pos, trial);
        Object.assign(f, trial);
      } catch (e) {
        if (!(e instanceof ParseFailure)) throw e;
      }
    } else if (isNumericField(t)) {
      // Reserve digits for adjacent fixed-width numeric fields that follow without a separator.
      let reserved = 0;
      for (let j = i + 1; j < tokens.length && isNumericField(tokens[j]); j++)
        reserved += fixedWidth(tokens[j]!);
      pos = parseNumber(t.letter, t.count, text, pos, reserved, reserved > 0, f);
    } else {
      pos = parseText(t.letter, t.count, text, pos, f);
    }
  }
  return pos;
}

function countDigits(text: string, pos: number): number {
  let n = 0;
  while (pos + n < text.length) {
    const c = text.charCodeAt(pos + n);
    if (c < 48 || c > 57) break;
    n++;
  }
  return n;
}

function parseNumber(
  letter: string,
  count: number,
  text: string,
  pos: number,
  reserved: number,
  adjacent: boolean,
  f: Fields,
): number {
  const isYear = 'yuY'.includes(letter);
  let sign = 1;
  if (isYear && count !== 2 && (text[pos] === '-' || text[pos] === '+')) {
    sign = text[pos] === '-' ? -1 : 1;
    pos++;
  }
  const available = countDigits(text, pos);
  let min: number;
  let max: number;
  if (letter === 'S') {
    min = max = count;
  } else if (isYear) {
    min = count === 2 ? 2 : count;
    max = count === 2 ? 2 : 10;
  } else if (count === 1 && !adjacent) {
    min = 1;
    max = letter === 'D' ? 3 : letter === 'n' || letter === 'A' || letter === 'N' ? 18 : 2;
  } else if (letter === 'D' && count < 3) {
    min = count;
    max = 3;
  } else {
    min = max = count;
  }
  let width = Math.min(max, available - reserved);
  if (adjacent && count > 1 && !isYear) width = Math.min(width, count);
  if (width < min) throw new ParseFailure(pos);
  const value = Number(text.substring(pos, pos + width));
  assign(letter, count, sign * value, width, f);
  return pos + width;
}

function assign(letter: string, count: number, value: number, width: number, f: Fields): void {
  switch (letter) {
    case 'y':
    case 'Y':
      f.yearOfEra = count === 2 ? 2000 + value : value;
      break;
    case 'u':
      f.year = count === 2 ? 2000 + value : value;
      break;
    case 'M':
    case 'L':
      f.month = value;
      break;
    case 'Q':
    case 'q':
      f.month ??= (value - 1) * 3 + 1;
      break;
    case 'd':
      f.day = value;
      break;
    case 'D':
      f.dayOfYear = value;
      break;
    case 'H':
      f.hour = value;
      break;
    case 'k':
      f.hour = value === 24 ? 0 : value;
      break;
    case 'h':
      f.hour12 = value;
      break;
    case 'K':
      f.hour12 = value === 0 ? 12 : value;
      break;
    case 'm':
      f.minute = value;
      break;
    case 's':
      f.second = value;
      break;
    case 'S':
      f.nanos = value * 10 ** (9 - width);
      break;
    case 'n':
      f.nanos = value;
      break;
    case 'A':
      f.milliOfDay = value;
      break;
    case 'N':
      f.milliOfDay = Math.floor(value / 1e6);
      break;
    default:
      break;
  }
}
