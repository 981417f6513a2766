import type { KeyValueStore } from '../state/key-value-store';

/** One buffered record of a stream-stream join side. */
export interface WindowEntry {
  readonly ts: number;
  readonly row: unknown[];
}

/**
 * The records of one side of a stream-stream join, by key, kept for `retentionMs` of the side's
 * own stream time (Kafka Streams' join window store: retention = before + after + grace).
 * A record older than that is not stored, and one that has aged out is no longer found, even
 * before it is evicted. Each key's entries stay in timestamp order (ties in arrival order).
 */
export class JoinWindowStore {
  private observed = Number.NEGATIVE_INFINITY;
  private restored = false;
  private lastSweep = Number.NEGATIVE_INFINITY;
  /** Records not stored because they were older than the retention. */
  expired = 0;

  constructor(
    readonly store: KeyValueStore<WindowEntry[]>,
    private readonly retentionMs: number,
  ) {}

  /** The largest timestamp stored so far (recomputed once after a restore from the changelog). */
  streamTime(): number {
    if (!this.restored) {
      this.restored = true;
      for (const [, entries] of this.store.entries()) {
        for (const e of entries) this.observed = Math.max(this.observed, e.ts);
      }
    }
    return this.observed;
  }

  put(key: string, ts: number, row: unknown[]): void {
    this.observed = Math.max(this.streamTime(), ts);
    const horizon = this.observed - this.retentionMs;
    if (ts <= horizon) {
      this.expired++;
      return;
    }
    const live = (this.store.get(key) ?? []).filter((e) => e.ts > horizon);
    let at = live.length;
    while (at > 0 && live[at - 1]!.ts > ts) at--;
    live.splice(at, 0, { ts, row });
    this.store.put(key, live);
    this.sweep(horizon);
  }

  /** Entries of `key` with from ≤ ts ≤ to that are still within the retention. */
  fetch(key: string, from: number, to: number): WindowEntry[] {
    const entries = this.store.get(key);
    if (!entries) return [];
    const lower = Math.max(from, this.streamTime() - this.retentionMs + 1);
    return entries.filter((e) => e.ts >= lower && e.ts <= to);
  }

  /** Drops aged-out entries of every key, at most once per half retention of stream time. */
  private sweep(horizon: number): void {
    if (horizon - this.lastSweep < Math.max(this.retentionMs / 2, 1)) return;
    this.lastSweep = horizon;
    for (const [key, entries] of [...this.store.entries()]) {
      const live = entries.filter((e) => e.ts > horizon);
      if (live.length === 0) this.store.delete(key);
      else if (live.length !== entries.length) this.store.put(key, live);
    }
  }
}
