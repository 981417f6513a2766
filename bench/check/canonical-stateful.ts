/**
 * Hand-written references of the aggregations and joins, and the matching reading of their
 * output records. Aggregations are compared as final tables (the last record per key), joins as
 * the multiset of joined rows in event-time order: a bid or auction meets the table row of the
 * same key only when that row came first, which is what ksqlDB's timestamp-ordered processing gives.
 */
import type { NexmarkEvent } from '../nexmark/model';
import type { OutputFields } from './canonical-stateless';

export interface AggregateReference {
  add(e: NexmarkEvent): void;
  /** Final canonical row per canonical key. */
  final(): Map<string, string>;
}

export interface AggregateCheck {
  reference(): AggregateReference;
  /** Canonical key of an output record (windowed keys carry their bounds). */
  key(key: Buffer): string;
  row(v: OutputFields): string;
}

const SIZE = 10_000;
const ADVANCE = 2_000;
const GAP = 10_000;

/** Kafka Streams' TimeWindows.windowsFor: every window start with start <= ts < start + size. */
export function windowStarts(ts: number, size: number, advance: number): number[] {
  const first = Math.max(0, ts - size + advance);
  const out: number[] = [];
  for (let start = first - (first % advance); start <= ts; start += advance) out.push(start);
  return out;
}

/** A key written as JSON followed by the 8-byte window start (and, for sessions, end then start). */
function windowedKey(bytes: Buffer, session: boolean): string {
  const suffix = session ? 16 : 8;
  const inner = bytes.subarray(0, bytes.length - suffix).toString('utf8');
  if (!session) return `${inner}@${Number(bytes.readBigInt64BE(bytes.length - 8))}`;
  const end = Number(bytes.readBigInt64BE(bytes.length - 16));
  const start = Number(bytes.readBigInt64BE(bytes.length - 8));
  return `${inner}@${start}-${end}`;
}

function objectKey(bytes: Buffer, fields: readonly string[]): string {
  const parsed = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
  const lower = new Map(Object.entries(parsed).map(([k, v]) => [k.toLowerCase(), v]));
  return fields.map((f) => String(lower.get(f))).join('|');
}

function windowCount(
  keyOf: (e: Extract<NexmarkEvent, { kind: 'bid' }>['bid']) => number,
  size: number,
  advance: number,
  fold: (acc: number | undefined, price: number) => number,
): AggregateReference {
  const state = new Map<string, number>();
  return {
    add: (e) => {
      if (e.kind !== 'bid') return;
      for (const start of windowStarts(e.bid.dateTime, size, advance)) {
        const k = `${keyOf(e.bid)}@${start}`;
        state.set(k, fold(state.get(k), e.bid.price));
      }
    },
    final: () => new Map([...state].map(([k, v]) => [k, String(v)])),
  };
}

const count = (acc: number | undefined): number => (acc ?? 0) + 1;

function sessions(): AggregateReference {
  const times = new Map<number, number[]>();
  return {
    add: (e) => {
      if (e.kind !== 'bid') return;
      const list = times.get(e.bid.bidder) ?? [];
      list.push(e.bid.dateTime);
      times.set(e.bid.bidder, list);
    },
    final: () => {
      const out = new Map<string, string>();
      for (const [bidder, list] of times) {
        list.sort((a, b) => a - b);
        let start = list[0]!;
        let end = start;
        let n = 0;
        for (const t of list) {
          if (t - end > GAP) {
            out.set(`${bidder}@${start}-${end}`, String(n));
            start = t;
            n = 0;
          }
          end = t;
          n++;
        }
        out.set(`${bidder}@${start}-${end}`, String(n));
      }
      return out;
    },
  };
}

interface DayStats {
  n: number;
  r1: number;
  r2: number;
  r3: number;
  min: number;
  max: number;
  sum: number;
}

function q17(): AggregateReference {
  const state = new Map<string, DayStats>();
  return {
    add: (e) => {
      if (e.kind !== 'bid') return;
      const b = e.bid;
      const k = `${b.auction}|${new Date(b.dateTime).toISOString().slice(0, 10)}`;
      const s = state.get(k) ?? { n: 0, r1: 0, r2: 0, r3: 0, min: Infinity, max: -Infinity, sum: 0 };
      s.n++;
      if (b.price < 10_000) s.r1++;
      else if (b.price < 1_000_000) s.r2++;
      else s.r3++;
      s.min = Math.min(s.min, b.price);
      s.max = Math.max(s.max, b.price);
      s.sum += b.price;
      state.set(k, s);
    },
    final: () =>
      new Map(
        [...state].map(([k, s]) => [
          k,
          [s.n, s.r1, s.r2, s.r3, s.min, s.max, (s.sum / s.n).toFixed(3), s.sum].join('|'),
        ]),
      ),
  };
}

function q18(): AggregateReference {
  const state = new Map<string, string>();
  return {
    add: (e) => {
      if (e.kind !== 'bid') return;
      const b = e.bid;
      state.set(`${b.bidder}|${b.auction}`, [b.price, b.channel, b.dateTime].join('|'));
    },
    final: () => state,
  };
}

export const AGGREGATE_CHECKS = {
  q5: {
    reference: () => windowCount((b) => b.auction, SIZE, ADVANCE, count),
    key: (k) => windowedKey(k, false),
    row: (v) => String(v.num),
  },
  q7: {
    reference: () =>
      windowCount(
        (b) => b.auction,
        SIZE,
        SIZE,
        (acc, p) => Math.max(acc ?? -Infinity, p),
      ),
    key: (k) => windowedKey(k, false),
    row: (v) => String(v.maxprice),
  },
  q11: { reference: sessions, key: (k) => windowedKey(k, true), row: (v) => String(v.bid_count) },
  q12: {
    reference: () => windowCount((b) => b.bidder, SIZE, SIZE, count),
    key: (k) => windowedKey(k, false),
    row: (v) => String(v.bid_count),
  },
  q17: {
    reference: q17,
    key: (k) => objectKey(k, ['auction', 'day']),
    row: (v) =>
      [
        v.total_bids,
        v.rank1_bids,
        v.rank2_bids,
        v.rank3_bids,
        v.min_price,
        v.max_price,
        Number(v.avg_price).toFixed(3),
        v.sum_price,
      ].join('|'),
  },
  q18: {
    reference: q18,
    key: (k) => objectKey(k, ['bidder', 'auction']),
    row: (v) => [v.price, v.channel, v.datetime].join('|'),
  },
} satisfies Record<string, AggregateCheck>;

export type AggregateId = keyof typeof AGGREGATE_CHECKS;
