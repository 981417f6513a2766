/**
 * Time zones: fixed offsets and IANA regions, resolved with the built-in Intl API (no tz database
 * shipped). Offsets are cached per 15-minute bucket, because every real-world transition falls on
 * a quarter hour and Intl formatting is far too slow to call per row.
 */
import { MS_PER_DAY } from './civil';

export interface TimeZone {
  /** The id as java.time would print it (`UTC`, `+05:30`, `America/Los_Angeles`). */
  readonly id: string;
  /** Offset from UTC in milliseconds at the given instant. */
  offsetAt(epochMs: number): number;
  /** Short display name at the instant (`PST`, `CET`, `UTC`); falls back to `GMT+hh:mm`. */
  shortName(epochMs: number): string;
  /** Long display name (`Pacific Standard Time`). */
  longName(epochMs: number): string;
}

const BUCKET_MS = 900_000;
const MAX_CACHE = 20_000;

class FixedZone implements TimeZone {
  constructor(
    readonly id: string,
    private readonly offset: number,
  ) {}
  offsetAt(): number {
    return this.offset;
  }
  shortName(): string {
    return this.offset === 0 ? (this.id === 'GMT' ? 'GMT' : 'UTC') : this.id;
  }
  longName(): string {
    return this.offset === 0 ? 'Coordinated Universal Time' : this.id;
  }
}

// Java prints these abbreviations where ICU's English data only has a GMT offset.
const LONG_TO_SHORT: Record<string, string> = {
  'Central European Standard Time': 'CET',
  'Central European Summer Time': 'CEST',
  'Eastern European Standard Time': 'EET',
  'Eastern European Summer Time': 'EEST',
  'Western European Standard Time': 'WET',
  'Western European Summer Time': 'WEST',
  'Greenwich Mean Time': 'GMT',
  'British Summer Time': 'BST',
  'Coordinated Universal Time': 'UTC',
  'India Standard Time': 'IST',
  'Japan Standard Time': 'JST',
  'China Standard Time': 'CST',
  'Korean Standard Time': 'KST',
  'Australian Eastern Standard Time': 'AEST',
  'Australian Eastern Daylight Time': 'AEDT',
};

class RegionZone implements TimeZone {
  private readonly cache = new Map<number, number>();
  private readonly fields: Intl.DateTimeFormat;
  private shortFmt: Intl.DateTimeFormat | undefined;
  private longFmt: Intl.DateTimeFormat | undefined;

  constructor(readonly id: string) {
    this.fields = new Intl.DateTimeFormat('en-US', {
      timeZone: id,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
  }

  offsetAt(epochMs: number): number {
    const bucket = Math.floor(epochMs / BUCKET_MS);
    const hit = this.cache.get(bucket);
    if (hit !== undefined) return hit;
    const offset = this.compute(bucket * BUCKET_MS);
    if (this.cache.size >= MAX_CACHE) this.cache.clear();
    this.cache.set(bucket, offset);
    return offset;
  }

  private compute(epochMs: number): number {
    let year = 0;
    let month = 1;
    let day = 1;
    let hour = 0;
    let minute = 0;
    let second = 0;
    let bc = false;
    for (const p of this.fields.formatToParts(epochMs)) {
      switch (p.type) {
        case 'year':
          year = Number(p.value);
          break;
        case 'month':
          month = Number(p.value);
          break;
        case 'day':
          day = Number(p.value);
          break;
        case 'hour':
          hour = Number(p.value);
          break;
        case 'minute':
          minute = Number(p.value);
          break;
        case 'second':
          second = Number(p.value);
          break;
        case 'era':
          bc = p.value.startsWith('B');
          break;
        default:
          break;
      }
    }
    const y = bc ? 1 - year : year;
    const d = new Date(0);
    d.setUTCFullYear(y, month - 1, day);
    d.setUTCHours(hour, minute, second, 0);
    const seconds = Math.floor(epochMs / 1000) * 1000;
    return d.getTime() - seconds;
  }

  shortName(epochMs: number): string {
    const long = this.longName(epochMs);
    const mapped = LONG_TO_SHORT[long];
    if (mapped) return mapped;
    this.shortFmt ??= new Intl.DateTimeFormat('en-US', { timeZone: this.id, timeZoneName: 'short' });
    return namePart(this.shortFmt, epochMs) ?? formatOffsetId(this.offsetAt(epochMs));
  }

  longName(epochMs: number): string {
    this.longFmt ??= new Intl.DateTimeFormat('en-US', { timeZone: this.id, timeZoneName: 'long' });
    return namePart(this.longFmt, epochMs) ?? this.id;
  }
}

function namePart(fmt: Intl.DateTimeFormat, epochMs: number): string | undefined {
  return fmt.formatToParts(epochMs).find((p) => p.type === 'timeZoneName')?.value;
}

/** `+05:30`, `-08:00`, `Z` for zero (java.time ZoneOffset ids). */
export function formatOffsetId(offsetMs: number): string {
  if (offsetMs === 0) return 'Z';
  const sign = offsetMs < 0 ? '-' : '+';
  const total = Math.abs(Math.round(offsetMs / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const base = `${sign}${pad2(h)}:${pad2(m)}`;
  return s === 0 ? base : `${base}:${pad2(s)}`;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

const OFFSET_PATTERN = /^(?:(UTC|GMT|UT))?([+-])(\d{1,2})(?::?(\d{2}))?(?::?(\d{2}))?$/i;
const zones = new Map<string, TimeZone>();
export const UTC: TimeZone = new FixedZone('UTC', 0);

/**
 * Resolves a zone id as java.time's ZoneId.of does: `UTC`/`GMT`/`Z`, offsets (`+05:30`, `-0800`,
 * `UTC+2`), IANA region ids. Throws `Unknown time-zone ID: x` for anything else.
 */
export function getTimeZone(id: string): TimeZone {
  const cached = zones.get(id);
  if (cached) return cached;
  const zone = createZone(id);
  zones.set(id, zone);
  return zone;
}

function createZone(id: string): TimeZone {
  const upper = id.toUpperCase();
  if (upper === 'UTC' || upper === 'Z' || upper === 'UT' || upper === 'ETC/UTC') return UTC;
  if (upper === 'GMT' || upper === 'ETC/GMT') return new FixedZone('GMT', 0);
  const m = OFFSET_PATTERN.exec(id);
  if (m) {
    const hours = Number(m[3]);
    const minutes = Number(m[4] ?? 0);
    const seconds = Number(m[5] ?? 0);
    if (hours > 18 || minutes > 59 || seconds > 59)
      throw new Error(`Invalid ID for ZoneOffset, invalid format: ${id}`);
    const sign = m[2] === '-' ? -1 : 1;
    const offset = sign * ((hours * 3600 + minutes * 60 + seconds) * 1000);
    const offsetId = offset === 0 ? 'Z' : formatOffsetId(offset);
    const prefix = m[1] ? m[1].toUpperCase() : '';
    return new FixedZone(prefix ? `${prefix}${offset === 0 ? '' : offsetId}` : offsetId, offset);
  }
  try {
    return new RegionZone(id);
  } catch {
    throw new Error(`Unknown time-zone ID: ${id}`);
  }
}

/** True if `id` names a zone getTimeZone accepts. */
export function isValidTimeZone(id: string): boolean {
  try {
    getTimeZone(id);
    return true;
  } catch {
    return false;
  }
}

/**
 * The UTC instant of a local date-time (millis as if the local time were UTC) in `zone`. In a gap
 * (spring forward) the time moves later by the gap's length; in an overlap (fall back) the earlier
 * offset wins — java.time's ZonedDateTime.ofLocal rules.
 */
export function localToUtc(localMs: number, zone: TimeZone): number {
  const guess = zone.offsetAt(localMs);
  const first = localMs - guess;
  const o1 = zone.offsetAt(first);
  if (o1 === guess) {
    // Could still be an overlap where an earlier (larger) offset also matches.
    const before = zone.offsetAt(first - MS_PER_DAY / 8);
    if (before > o1 && zone.offsetAt(localMs - before) === before) return localMs - before;
    return first;
  }
  const second = localMs - o1;
  if (zone.offsetAt(second) === o1) return second;
  // Gap: the local time does not exist; shift by the gap length using the earlier offset.
  return localMs - Math.min(guess, o1);
}
