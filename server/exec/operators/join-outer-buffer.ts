import type { KeyValueStore } from '../state/key-value-store';

export type JoinSide = 'left' | 'right';

/** Records of one side, key and timestamp that found no partner yet. */
export interface OuterEntry {
  readonly side: JoinSide;
  readonly ts: number;
  readonly rows: unknown[][];
}

/**
 * Outer stream-stream joins with a GRACE PERIOD hold a record that found no partner until its
 * join window has closed, and emit it NULL-joined only then (Kafka Streams' fix for spurious
 * outer results, KAFKA-10847); a partner arriving in time removes it. Entries are keyed by side,
 * timestamp and join key, as Kafka Streams' outer-join store is.
 */
export class JoinOuterBuffer {
  private minTime = Number.POSITIVE_INFINITY;
  private restored = false;

  constructor(readonly store: KeyValueStore<OuterEntry>) {}

  add(side: JoinSide, key: string, ts: number, row: unknown[]): void {
    this.init();
    const id = entryId(side, key, ts);
    const entry = this.store.get(id);
    this.store.put(id, { side, ts, rows: [...(entry?.rows ?? []), row] });
    this.minTime = Math.min(this.minTime, ts);
  }

  /** A partner was found for the records of `side`/`key` at `ts`: they will not be NULL-joined. */
  matched(side: JoinSide, key: string, ts: number): void {
    this.store.delete(entryId(side, key, ts));
  }

  /**
   * Removes and returns, oldest first, the entries whose window has closed: `lookback(side)` after
   * their timestamp plus the grace period, stream time has moved past.
   */
  takeClosed(
    streamTime: number,
    graceMs: number,
    lookback: (side: JoinSide) => number,
    thisLookback: number,
  ): { key: string; entry: OuterEntry }[] {
    this.init();
    // Cheap test first: nothing can have closed before the oldest entry's window did.
    if (this.minTime + thisLookback + graceMs >= streamTime) return [];
    const all = [...this.store.entries()].map(([id, entry]) => ({ id, entry, key: keyOf(id) }));
    all.sort(
      (a, b) =>
        a.entry.ts - b.entry.ts || sideOrder(a.entry.side) - sideOrder(b.entry.side) || cmp(a.key, b.key),
    );
    const closed: { key: string; entry: OuterEntry }[] = [];
    this.minTime = Number.POSITIVE_INFINITY;
    for (const x of all) {
      if (x.entry.ts + lookback(x.entry.side) + graceMs >= streamTime) {
        this.minTime = Math.min(this.minTime, x.entry.ts);
        continue;
      }
      closed.push({ key: x.key, entry: x.entry });
      this.store.delete(x.id);
    }
    return closed;
  }

  private init(): void {
    if (this.restored) return;
    this.restored = true;
    for (const [, e] of this.store.entries()) this.minTime = Math.min(this.minTime, e.ts);
  }
}

function entryId(side: JoinSide, key: string, ts: number): string {
  return `${side}|${ts}|${key}`;
}

function keyOf(id: string): string {
  return id.slice(id.indexOf('|', id.indexOf('|') + 1) + 1);
}

/** Kafka Streams orders its outer store by timestamp, then side (right first), then key. */
function sideOrder(s: JoinSide): number {
  return s === 'right' ? 0 : 1;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
