import type { JoinType } from '../../sql/ast';
import type { Processor } from '../processor';
import type { Rec } from '../record';
import type { JoinOuterBuffer, JoinSide } from './join-outer-buffer';
import { emit, hasNull, joinedRow, keyString, keyValues, port, type JoinLayout } from './join-row';
import type { JoinWindowStore } from './join-window-store';

/** Kafka Streams' default join window retention when no GRACE PERIOD is given: one day. */
const DEFAULT_RETENTION_MS = 24 * 60 * 60 * 1000;

export interface StreamStreamJoinSpec {
  readonly joinType: JoinType;
  readonly beforeMs: number;
  readonly afterMs: number;
  /** Only when GRACE PERIOD was written: outer results then wait for the window to close. */
  readonly graceMs?: number;
  readonly layout: JoinLayout;
}

/**
 * The window stores' retention: the join window plus the grace period. Without GRACE PERIOD,
 * ksqlDB's (deprecated) Kafka Streams join window keeps records a day, as this does.
 */
export function joinRetentionMs(
  spec: Pick<StreamStreamJoinSpec, 'beforeMs' | 'afterMs' | 'graceMs'>,
): number {
  const grace = spec.graceMs ?? Math.max(DEFAULT_RETENTION_MS - 2 * spec.beforeMs, 0);
  return spec.beforeMs + spec.afterMs + grace;
}

/**
 * Stream-stream join `WITHIN (before, after)`: a left record at t meets the right records of its
 * key in [t - before, t + after], and a right record at t the left ones in [t - after, t + before];
 * each pair is emitted once, when its later record arrives, at the later timestamp. Outer sides
 * (LEFT, RIGHT, FULL) also emit a record that found no partner, NULL-joined: at once without a
 * grace period (ksqlDB's eager, possibly spurious results — a partner may still come), or, with a
 * GRACE PERIOD, once its window has closed and no partner came. A record later than the other
 * side's retention finds nothing.
 */
export class StreamStreamJoinOperator {
  readonly left: Processor = port((rec) => this.process('left', rec));
  readonly right: Processor = port((rec) => this.process('right', rec));
  private streamTime = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly spec: StreamStreamJoinSpec,
    private readonly stores: Readonly<Record<JoinSide, JoinWindowStore>>,
    /** Present for outer joins with a grace period. */
    private readonly outer: JoinOuterBuffer | undefined,
    private readonly next: Processor,
  ) {}

  /** Records too late for their side's window store (they can no longer find partners). */
  get lateRecords(): number {
    return this.stores.left.expired + this.stores.right.expired;
  }

  private process(side: JoinSide, rec: Rec): void {
    if (this.streamTime === Number.NEGATIVE_INFINITY) {
      this.streamTime = Math.max(this.stores.left.streamTime(), this.stores.right.streamTime());
    }
    this.streamTime = Math.max(this.streamTime, rec.ts);
    if (rec.tombstone) return;
    const { layout, joinType } = this.spec;
    const isLeft = side === 'left';
    const other: JoinSide = isLeft ? 'right' : 'left';
    const outer = joinType === 'FULL' || joinType === (isLeft ? 'LEFT' : 'RIGHT');
    const positions = isLeft ? layout.leftKey : layout.rightKey;
    if (hasNull(keyValues(rec.row, positions))) {
      // No key can match; an outer side still reports the record (as Kafka Streams does).
      if (outer) this.emitOne(side, rec.row, rec.ts, rec);
      return;
    }
    const key = keyString(rec.row, positions);
    if (this.outer && rec.ts === this.streamTime) this.emitClosed(side, rec);

    const [before, after] = isLeft
      ? [this.spec.beforeMs, this.spec.afterMs]
      : [this.spec.afterMs, this.spec.beforeMs];
    const from = Math.max(0, rec.ts - before);
    const to = Math.max(0, rec.ts + after);
    const partners = this.stores[other].fetch(key, from, to);
    for (const p of partners) {
      this.outer?.matched(other, key, p.ts);
      const row = isLeft ? joinedRow(layout, rec.row, p.row) : joinedRow(layout, p.row, rec.row);
      emit(this.next, row, Math.max(rec.ts, p.ts), rec);
    }
    if (outer && partners.length === 0) {
      // A record whose window already closed (it arrived out of order) cannot wait for a partner.
      if (!this.outer || to < this.streamTime) this.emitOne(side, rec.row, rec.ts, rec);
      else this.outer.add(side, key, rec.ts, rec.row);
    }
    this.stores[side].put(key, rec.ts, rec.row);
  }

  private emitClosed(side: JoinSide, rec: Rec): void {
    const lookback = (s: JoinSide): number => (s === 'left' ? this.spec.afterMs : this.spec.beforeMs);
    const closed = this.outer!.takeClosed(this.streamTime, this.spec.graceMs ?? 0, lookback, lookback(side));
    for (const { entry } of closed) {
      for (const row of entry.rows) this.emitOne(entry.side, row, entry.ts, rec);
    }
  }

  private emitOne(side: JoinSide, row: unknown[], ts: number, from: Rec): void {
    const layout = this.spec.layout;
    emit(this.next, side === 'left' ? joinedRow(layout, row, null) : joinedRow(layout, null, row), ts, from);
  }
}
