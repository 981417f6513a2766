import type { WindowSpec } from '../../plan/nodes';
import type { ProcessingContext, Processor } from '../processor';
import { recordWith, type Rec } from '../record';
import { type KeyValueStore, storeKey } from '../state/key-value-store';
import { applyRow, results, type AggregateSpec } from './aggregate';
import { messageOf } from './filter';

/** ksqlDB's default grace period when a window names none. */
export const DEFAULT_GRACE_MS = 24 * 60 * 60 * 1000;

/** One pane: the accumulators of a key over [start, start + paneSize). */
export interface PaneState {
  readonly key: unknown[];
  readonly start: number;
  accs: unknown[];
  /** The latest event time folded into this pane; a window's ROWTIME is the max over its panes. */
  ts?: number;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * TUMBLING and HOPPING windows by slicing: each record updates exactly one pane (the gcd of size
 * and advance), and each window's result is the merge of its panes. Tumbling windows are the
 * special case of one pane per window. Records later than the window's end plus the grace period
 * are dropped for that window and counted; panes past retention are evicted.
 */
export class WindowedAggregateOperator implements Processor {
  private readonly pane: number;
  private readonly advance: number;
  private readonly grace: number;
  private readonly retention: number;
  private lastEviction = Number.NEGATIVE_INFINITY;
  /** Records dropped because every window they belong to had closed. */
  lateRecords = 0;

  constructor(
    private readonly keyCount: number,
    private readonly specs: readonly AggregateSpec[],
    private readonly window: WindowSpec,
    readonly store: KeyValueStore<PaneState>,
    private readonly next: Processor,
    private readonly ctx: ProcessingContext,
  ) {
    this.advance = window.type === 'HOPPING' ? window.advanceMs! : window.sizeMs;
    this.pane = gcd(window.sizeMs, this.advance);
    this.grace = window.graceMs ?? DEFAULT_GRACE_MS;
    this.retention = Math.max(window.retentionMs ?? 0, window.sizeMs + this.grace);
  }

  push(rec: Rec): void {
    if (rec.tombstone) return;
    const ts = rec.ts;
    const now = this.ctx.streamTime();
    const size = this.window.sizeMs;
    // Windows containing ts: starts are multiples of `advance` in (ts - size, ts].
    const lastStart = ts - (((ts % this.advance) + this.advance) % this.advance);
    const starts: number[] = [];
    for (let s = lastStart; s > ts - size; s -= this.advance) {
      if (s < 0) break;
      if (now >= s + size + this.grace) continue; // closed
      starts.push(s);
    }
    if (starts.length === 0) {
      this.lateRecords++;
      return;
    }
    const key = rec.row.slice(0, this.keyCount);
    const prefix = storeKey(key);
    const paneStart = ts - (((ts % this.pane) + this.pane) % this.pane);
    // The panes under every open window of this record, looked up once (a hopping record's
    // windows share most of their panes): panes[i] starts at first + i * pane.
    const first = starts[starts.length - 1]!;
    const panes: (PaneState | undefined)[] = [];
    for (let p = first; p < starts[0]! + size; p += this.pane) panes.push(this.store.get(`${prefix}@${p}`));
    const perWindow = size / this.pane;
    // Each window's previous result, for HAVING to know whether its row was there before.
    const olds: (unknown[] | null)[] = new Array<unknown[] | null>(starts.length);
    for (let i = 0; i < starts.length; i++) {
      const start = starts[i]!;
      const accs = this.mergePanes(panes, (start - first) / this.pane, perWindow);
      olds[i] = accs ? [...key, start, start + size, ...results(this.specs, accs)] : null;
    }
    const index = (paneStart - first) / this.pane;
    const pane = panes[index] ?? {
      key,
      start: paneStart,
      accs: this.specs.map((s) => s.aggregator.initial()),
    };
    try {
      applyRow(this.specs, pane.accs, rec.row, 'add');
    } catch (error) {
      this.ctx.reportError({
        kind: 'RECORD_PROCESSING',
        step: 'Aggregate',
        message: messageOf(error),
        rec,
        cause: error,
      });
      return;
    }
    pane.ts = pane.ts === undefined ? ts : Math.max(pane.ts, ts);
    this.store.put(`${prefix}@${paneStart}`, pane);
    panes[index] = pane;
    // Emit oldest window first, as Kafka Streams does.
    for (let i = starts.length - 1; i >= 0; i--) {
      const start = starts[i]!;
      const from = (start - first) / this.pane;
      const accs = this.mergePanes(panes, from, perWindow)!;
      const row = [...key, start, start + size, ...results(this.specs, accs)];
      const windowTs = this.latestTime(panes, from, perWindow, ts);
      this.next.push(recordWith(rec, row, { tombstone: false, old: olds[i]!, ts: windowTs }));
    }
    this.evict(now);
  }

  /** The latest event time among panes[from, from + count) (at least `ts`, the current record's). */
  private latestTime(
    panes: readonly (PaneState | undefined)[],
    from: number,
    count: number,
    ts: number,
  ): number {
    let latest = ts;
    for (let i = from; i < from + count; i++) {
      const t = panes[i]?.ts;
      if (t !== undefined && t > latest) latest = t;
    }
    return latest;
  }

  /** The merged accumulators of panes[from, from + count), undefined if none of them exists yet. */
  private mergePanes(
    panes: readonly (PaneState | undefined)[],
    from: number,
    count: number,
  ): unknown[] | undefined {
    let merged: unknown[] | undefined;
    for (let i = from; i < from + count; i++) {
      const pane = panes[i];
      if (!pane) continue;
      merged = merged
        ? merged.map((acc, j) => this.specs[j]!.aggregator.merge(acc, pane.accs[j]))
        : pane.accs;
    }
    return merged;
  }

  private evict(now: number): void {
    // Scanning the store is O(n); do it at most once per pane's worth of stream time.
    if (now - this.lastEviction < this.pane) return;
    this.lastEviction = now;
    const horizon = now - this.retention;
    for (const [k, pane] of this.store.entries()) {
      if (pane.start + this.pane <= horizon) this.store.delete(k);
    }
  }
}
