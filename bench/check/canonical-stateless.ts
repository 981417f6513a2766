/**
 * Canonical rows of the stateless queries, from a generated bid (the hand-written reference) and
 * from an output record's JSON value (what the engine or a baseline wrote). Field names are
 * compared case-insensitively; decimals are compared in thousandths (price × 0.908 is exact there).
 */
import type { Bid } from '../nexmark/model';

export type OutputFields = Readonly<Record<string, unknown>>;

export interface StatelessCheck {
  /** The canonical output row for this bid, or null when the query drops it. */
  fromBid(b: Bid): string | null;
  fromOutput(v: OutputFields): string;
}

const milli = (x: unknown): number => Math.round(Number(x) * 1000);
const HOT = new Map([
  ['apple', '0'],
  ['google', '1'],
  ['facebook', '2'],
  ['baidu', '3'],
]);
const CHANNEL_ID = /(&|^)channel_id=([^&]*)/;

function hourOf(ms: number): number {
  return Math.floor(ms / 3_600_000) % 24;
}

function bidTimeType(ms: number): string {
  const h = hourOf(ms);
  if (h >= 8 && h <= 18) return 'dayTime';
  if (h <= 6 || h >= 20) return 'nightTime';
  return 'otherTime';
}

function countChar(s: string, c: string): number {
  let n = 0;
  for (const ch of s) if (ch === c) n++;
  return n;
}

export const STATELESS_CHECKS = {
  q0: {
    fromBid: (b) => [b.auction, b.bidder, b.price, b.channel, b.url, b.dateTime, b.extra].join('|'),
    fromOutput: (v) => [v.auction, v.bidder, v.price, v.channel, v.url, v.datetime, v.extra].join('|'),
  },
  q1: {
    fromBid: (b) => [b.auction, b.bidder, b.price * 908, b.dateTime, b.extra].join('|'),
    fromOutput: (v) => [v.auction, v.bidder, milli(v.price), v.datetime, v.extra].join('|'),
  },
  q2: {
    fromBid: (b) => (b.auction % 123 === 0 ? `${b.auction}|${b.price}` : null),
    fromOutput: (v) => `${String(v.auction)}|${String(v.price)}`,
  },
  q14: {
    fromBid: (b) => {
      const p = b.price * 908; // thousandths of price × 0.908
      if (!(p > 1_000_000_000 && p < 50_000_000_000)) return null;
      const row = [b.auction, b.bidder, p, bidTimeType(b.dateTime), b.dateTime, b.extra];
      return [...row, countChar(b.extra, 'c')].join('|');
    },
    fromOutput: (v) =>
      [v.auction, v.bidder, milli(v.price), v.bidtimetype, v.datetime, v.extra, v.c_counts].join('|'),
  },
  q21: {
    fromBid: (b) => {
      const extracted = CHANNEL_ID.exec(b.url)?.[2];
      const hot = HOT.get(b.channel.toLowerCase());
      if (extracted === undefined && hot === undefined) return null;
      return [b.auction, b.bidder, b.price, b.channel, hot ?? extracted].join('|');
    },
    fromOutput: (v) => [v.auction, v.bidder, v.price, v.channel, v.channel_id].join('|'),
  },
  q22: {
    fromBid: (b) => {
      const parts = b.url.split('/');
      return [b.auction, b.bidder, b.price, b.channel, parts[3], parts[4], parts[5]].join('|');
    },
    fromOutput: (v) => [v.auction, v.bidder, v.price, v.channel, v.dir1, v.dir2, v.dir3].join('|'),
  },
} satisfies Record<string, StatelessCheck>;

export type StatelessId = keyof typeof STATELESS_CHECKS;

/** A JSON object value with its field names lower-cased (ksqlDB writes them upper-case). */
export function lowerFields(value: Buffer): OutputFields {
  const parsed = JSON.parse(value.toString('utf8')) as unknown;
  const out: Record<string, unknown> = {};
  if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
    for (const [k, v] of Object.entries(parsed)) out[k.toLowerCase()] = v;
  }
  return out;
}
