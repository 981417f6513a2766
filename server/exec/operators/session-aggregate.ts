import type { WindowSpec } from '../../plan/nodes';
import type { ProcessingContext, Processor } from '../processor';
import type { Rec } from '../record';
import { type KeyValueStore, type StoreCodec, storeKey } from '../state/key-value-store';
import { applyRow, results, type AggregateSpec } from './aggregate';
import { messageOf } from './filter';

/** One session of a key: [start, end] (both inclusive: the first and last record times). */
export interface Session {
  readonly start: number;
  readonly end: number;
  readonly accs: unknown[];
}

/** The sessions of one key, ordered by end (then start), as Kafka Streams' session store. */
export interface SessionState {
  readonly key: unknown[];
  readonly sessions: readonly Session[];
}

/** Without GRACE PERIOD, Kafka Streams' (deprecated) session windows keep a day minus the gap. */
const DEFAULT_RETENTION_MS = 24 * 60 * 60 * 1000;

/**
 * SESSION windows. A record opens the session [t, t]; every session of its key that ends within
 * the gap before t or starts within the gap after t is merged into it. Merged-away sessions are
 * deleted downstream with tombstones (as Kafka Streams forwards them), then the merged session's
 * result is emitted, stamped with its end. A record whose merged session ends before stream time
 * minus the grace period is late: dropped and counted. Sessions past retention are evicted.
 */
export class SessionAggregateOperator implements Processor {
  private readonly gap: number;
  private readonly grace: number;
  private readonly retention: number;
  private observed = Number.NEGATIVE_INFINITY;
  private restored = false;
  private lastSweep = Number.NEGATIVE_INFINITY;
  /** Records dropped because their session had closed. */
  lateRecords = 0;

  constructor(
    private readonly keyCount: number,
    private readonly specs: readonly AggregateSpec[],
    window: WindowSpec,
    readonly store: KeyValueStore<SessionState>,
    private readonly next: Processor,
    private readonly ctx: ProcessingContext,
  ) {
    this.gap = window.gapMs ?? window.sizeMs;
    this.grace = window.graceMs ?? Math.max(DEFAULT_RETENTION_MS - this.gap, 0);
    this.retention = Math.max(window.retentionMs ?? 0, this.gap + this.grace);
  }

  push(rec: Rec): void {
    if (rec.tombstone) return;
    const key = rec.row.slice(0, this.keyCount);
    if (key.some((v) => v === null || v === undefined)) return;
    this.observed = Math.max(this.streamTime(), rec.ts);
    const ts = rec.ts;
    const k = storeKey(key);
    const sessions = this.store.get(k)?.sessions ?? [];
    const overlapping = sessions.filter((s) => s.end >= ts - this.gap && s.start <= ts + this.gap);
    const start = Math.min(ts, ...overlapping.map((s) => s.start));
    const end = Math.max(ts, ...overlapping.map((s) => s.end));
    if (end < this.observed - this.grace) {
      this.lateRecords++;
      return;
    }
    let accs = this.specs.map((s) => s.aggregator.initial());
    try {
      for (const s of overlapping) accs = accs.map((a, i) => this.specs[i]!.aggregator.merge(a, s.accs[i]));
      applyRow(this.specs, accs, rec.row, 'add');
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
    const merged: Session = { start, end, accs };
    const kept = sessions.filter((s) => !overlapping.includes(s));
    this.store.put(k, { key, sessions: ordered([...kept, merged]) });
    // Like Kafka Streams: unless the record is a session of its own, the sessions it merged are
    // deleted downstream (even one that keeps its bounds), then the merged one is upserted.
    if (start !== ts || end !== ts) {
      for (const s of overlapping) this.forward(key, s, null, rec);
    }
    this.forward(key, merged, results(this.specs, accs), rec);
    this.sweep();
  }

  private forward(key: unknown[], s: Session, values: unknown[] | null, rec: Rec): void {
    const row = [...key, s.start, s.end, ...(values ?? this.specs.map(() => null))];
    this.next.push({
      row,
      ts: s.end,
      tombstone: values === null,
      partition: rec.partition,
      offset: rec.offset,
      ...(rec.headers ? { headers: rec.headers } : {}),
    });
  }

  /** Largest record time seen; after a restore, the latest session end stands in for it. */
  private streamTime(): number {
    if (!this.restored) {
      this.restored = true;
      for (const [, state] of this.store.entries()) {
        for (const s of state.sessions) this.observed = Math.max(this.observed, s.end);
      }
    }
    return this.observed;
  }

  /** Evicts sessions past retention, at most once per half retention of stream time. */
  private sweep(): void {
    const horizon = this.observed - this.retention;
    if (horizon - this.lastSweep < Math.max(this.retention / 2, 1)) return;
    this.lastSweep = horizon;
    for (const [k, state] of [...this.store.entries()]) {
      const live = state.sessions.filter((s) => s.end > horizon);
      if (live.length === 0) this.store.delete(k);
      else if (live.length !== state.sessions.length) this.store.put(k, { key: state.key, sessions: live });
    }
  }
}

function ordered(sessions: Session[]): Session[] {
  return sessions.sort((a, b) => a.end - b.end || a.start - b.start);
}

/** Stores sessions with each accumulator in its aggregator's JSON form (for the changelog). */
export function sessionCodec(specs: readonly AggregateSpec[]): StoreCodec<SessionState> {
  return {
    encode: (state) => ({
      key: state.key,
      sessions: state.sessions.map((s) => ({
        start: s.start,
        end: s.end,
        accs: s.accs.map((a, i) => specs[i]!.aggregator.toJSON(a)),
      })),
    }),
    decode: (data) => {
      const d = data as { key: unknown[]; sessions: { start: number; end: number; accs: unknown[] }[] };
      return {
        key: d.key,
        sessions: d.sessions.map((s) => ({
          start: s.start,
          end: s.end,
          accs: s.accs.map((a, i) => specs[i]!.aggregator.fromJSON(a)),
        })),
      };
    },
  };
}
