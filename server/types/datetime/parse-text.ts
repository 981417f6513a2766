/** Readers for the text pattern letters: month and day names, AM/PM, eras, offsets, zones. */
import { DAYS_LONG, DAYS_SHORT, MONTHS_LONG, MONTHS_SHORT } from './names';
import { ParseFailure, type Fields } from './parse-state';
import { getTimeZone } from './zone';

function matchWord(text: string, pos: number, words: readonly string[]): number {
  const lower = text.substring(pos).toLowerCase();
  let best = -1;
  let bestLen = 0;
  words.forEach((w, i) => {
    if (w.length > bestLen && lower.startsWith(w.toLowerCase())) {
      best = i;
      bestLen = w.length;
    }
  });
  return best < 0 ? -1 : best * 1000 + bestLen;
}

const MONTH_WORDS = [...MONTHS_LONG, ...MONTHS_SHORT];
const DAY_WORDS = [...DAYS_LONG, ...DAYS_SHORT];
const ZONE_ID = /^[A-Za-z][A-Za-z0-9~/._+-]*/;
const OFFSET = /^([+-])(\d{2})(?::?(\d{2}))?(?::?(\d{2}))?/;
const OFFSET_SHORT = /^([+-])(\d{1,2})(?::(\d{2}))?/;

// Abbreviations Java's 'z' parser accepts for the zones people use most.
const ZONE_NAMES: Record<string, string> = {
  PST: 'America/Los_Angeles',
  PDT: 'America/Los_Angeles',
  MST: 'America/Denver',
  MDT: 'America/Denver',
  CST: 'America/Chicago',
  CDT: 'America/Chicago',
  EST: 'America/New_York',
  EDT: 'America/New_York',
  CET: 'Europe/Paris',
  CEST: 'Europe/Paris',
  EET: 'Europe/Athens',
  EEST: 'Europe/Athens',
  WET: 'Europe/Lisbon',
  WEST: 'Europe/Lisbon',
  BST: 'Europe/London',
  JST: 'Asia/Tokyo',
  IST: 'Asia/Kolkata',
  HST: 'Pacific/Honolulu',
  AKST: 'America/Anchorage',
  AKDT: 'America/Anchorage',
};

export function parseText(letter: string, count: number, text: string, pos: number, f: Fields): number {
  switch (letter) {
    case 'M':
    case 'L': {
      const m = matchWord(text, pos, MONTH_WORDS);
      if (m < 0) throw new ParseFailure(pos);
      f.month = (Math.floor(m / 1000) % 12) + 1;
      return pos + (m % 1000);
    }
    case 'E':
    case 'e':
    case 'c': {
      const m = matchWord(text, pos, DAY_WORDS);
      if (m < 0) throw new ParseFailure(pos);
      return pos + (m % 1000);
    }
    case 'a':
    case 'B': {
      const m = matchWord(text, pos, ['AM', 'PM']);
      if (m < 0) throw new ParseFailure(pos);
      f.pm = m >= 1000;
      return pos + 2;
    }
    case 'G': {
      const m = matchWord(text, pos, ['AD', 'BC', 'Anno Domini', 'Before Christ']);
      if (m < 0) throw new ParseFailure(pos);
      f.bc = Math.floor(m / 1000) % 2 === 1;
      return pos + (m % 1000);
    }
    case 'X':
    case 'x':
    case 'Z':
    case 'O':
      return parseOffset(text, pos, f);
    default:
      return parseZoneName(text, pos, f, count);
  }
}

function parseOffset(text: string, pos: number, f: Fields): number {
  const rest = text.substring(pos);
  if (rest[0] === 'Z' || rest[0] === 'z') {
    f.offset = 0;
    return pos + 1;
  }
  let skip = 0;
  if (/^(GMT|UTC)/i.test(rest)) {
    skip = 3;
    if (!/^[+-]/.test(rest.substring(3))) {
      f.offset = 0;
      return pos + 3;
    }
  }
  const m =
    (skip === 0 ? OFFSET : OFFSET_SHORT).exec(rest.substring(skip)) ??
    OFFSET_SHORT.exec(rest.substring(skip));
  if (!m) throw new ParseFailure(pos);
  const sign = m[1] === '-' ? -1 : 1;
  f.offset = sign * (Number(m[2]) * 3_600_000 + Number(m[3] ?? 0) * 60_000 + Number(m[4] ?? 0) * 1000);
  return pos + skip + m[0].length;
}

function parseZoneName(text: string, pos: number, f: Fields, _count: number): number {
  const rest = text.substring(pos);
  if (/^[+-]/.test(rest)) return parseOffset(text, pos, f);
  const m = ZONE_ID.exec(rest);
  if (!m) throw new ParseFailure(pos);
  // Longest prefix that names a zone: "UTC+01:00", "America/Los_Angeles", "PST".
  for (let len = m[0].length; len > 0; len--) {
    const candidate = m[0].substring(0, len);
    const mapped = ZONE_NAMES[candidate.toUpperCase()];
    try {
      f.zone = getTimeZone(mapped ?? candidate);
      return pos + len;
    } catch {
      // try a shorter prefix
    }
  }
  throw new ParseFailure(pos);
}
