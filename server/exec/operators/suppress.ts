import type { WindowSpec } from '../../plan/nodes';
import type { Processor } from '../processor';
import type { Rec } from '../record';
import { type KeyValueStore, storeKey } from '../state/key-value-store';

/** The latest result of one key and window, waiting for the window to close. */
export interface PendingResult {
  readonly row: unknown[];
  /** The latest timestamp among the window's updates (the final result's timestamp). */
  readonly ts: number;
  readonly start: number;
  readonly end: number;
  readonly tombstone: boolean;
  /** Arrival order, to emit windows that close together in the order they were first seen. */
  readonly seq: number;
}

/** Where the key columns and the window bounds sit in the windowed result rows. */
export interface SuppressLayout {
  readonly keys: readonly number[];
  readonly start: number;
  readonly end: number;
}

/**
 * EMIT FINAL: holds each key's windowed result and emits it once, when its window closes — for
 * time windows when stream time reaches the window end plus the grace period (no grace period:
 * at the window end), for sessions when it passes the session end plus the gap and the grace.
 * Stream time is the largest result time this operator has seen (the aggregation's input time).
 *
 * Time windows follow ksqlDB's (Kafka Streams' emit-on-window-close) behaviour: windows are emitted
 * as the close time moves, and only those the window store still retains — retention is the window
 * size plus the grace period (or RETENTION) behind the latest window — so after a jump in stream
 * time, windows that closed longer ago than that are dropped without being emitted.
 */
export class SuppressOperator implements Processor {
  private readonly grace: number;
  private observed = Number.NEGATIVE_INFINITY;
  private lastEmitClose: number | undefined;
  private seq = 0;
  /** Updates dropped because their window had already closed (and been emitted or expired). */
  lateRecords = 0;

  constructor(
    private readonly layout: SuppressLayout,
    private readonly window: WindowSpec,
    readonly store: KeyValueStore<PendingResult>,
    private readonly next: Processor,
  ) {
    this.grace = window.graceMs ?? 0;
  }

  push(rec: Rec): void {
    if (this.seq === 0) for (const [, p] of this.store.entries()) this.seq = Math.max(this.seq, p.seq + 1);
    this.observed = Math.max(this.observed, rec.ts);
    const start = Number(rec.row[this.layout.start]);
    const end = Number(rec.row[this.layout.end]);
    const session = this.window.type === 'SESSION';
    if (session ? end < this.sessionClose() : end <= this.observed - this.grace) {
      this.lateRecords++;
      return;
    }
    const id = storeKey([...this.layout.keys.map((i) => rec.row[i]), start, ...(session ? [end] : [])]);
    const before = this.store.get(id);
    if (rec.tombstone && session) {
      // A session merged into a larger one: it will never close on its own.
      this.store.delete(id);
    } else {
      this.store.put(id, {
        row: rec.row,
        ts: Math.max(before?.ts ?? rec.ts, rec.ts),
        start,
        end,
        tombstone: rec.tombstone,
        seq: before?.seq ?? this.seq++,
      });
    }
    if (session) this.emitSessions(rec);
    else this.emitWindows(rec);
  }

  private sessionClose(): number {
    return this.observed - this.grace - (this.window.gapMs ?? this.window.sizeMs);
  }

  private emitSessions(rec: Rec): void {
    const close = this.sessionClose();
    this.emit(
      [...this.store.entries()].filter(([, p]) => p.end < close),
      (a, b) => a.end - b.end || a.start - b.start || a.seq - b.seq,
      rec,
    );
  }

  private emitWindows(rec: Rec): void {
    const size = this.window.sizeMs;
    const advance = this.window.advanceMs ?? size;
    const close = this.observed - this.grace;
    const last = this.lastEmitClose;
    if (last !== undefined && last >= close) return;
    const upper = close - size;
    if (upper < 0) return;
    const lower = last === undefined ? -1 : last - size;
    if (last !== undefined && sameWindows(upper, lower, size, advance)) return;
    const retention = Math.max(this.window.retentionMs ?? 0, size + this.grace);
    const latestStart = Math.floor(this.observed / advance) * advance;
    const from = Math.max(lower + 1, latestStart - retention);
    const due = [...this.store.entries()].filter(([, p]) => p.start <= upper);
    for (const [id, p] of due) if (p.start < from) this.store.delete(id);
    this.emit(
      due.filter(([, p]) => p.start >= from),
      (a, b) => a.start - b.start || a.seq - b.seq,
      rec,
    );
    this.lastEmitClose = close;
  }

  private emit(
    due: [string, PendingResult][],
    order: (a: PendingResult, b: PendingResult) => number,
    rec: Rec,
  ): void {
    due.sort(([, a], [, b]) => order(a, b));
    for (const [id, p] of due) {
      this.store.delete(id);
      this.next.push({
        row: p.row,
        ts: p.ts,
        tombstone: p.tombstone,
        partition: rec.partition,
        offset: rec.offset,
        ...(rec.headers ? { headers: rec.headers } : {}),
      });
    }
  }
}

/** True when the same time windows contain `a` and `b` (nothing new closed between them). */
function sameWindows(a: number, b: number, size: number, advance: number): boolean {
  if (b < 0) return false;
  const first = (t: number): number => Math.max(0, Math.floor((t - size + advance) / advance)) * advance;
  const last = (t: number): number => Math.floor(t / advance) * advance;
  return first(a) === first(b) && last(a) === last(b);
}
