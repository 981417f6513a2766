import type { Aggregator } from '../functions';
import type { CompiledExpr } from '../expr/compile-expression';
import type { ProcessingContext, Processor } from '../processor';
import { recordWith, type Rec } from '../record';
import { type KeyValueStore, storeKey } from '../state/key-value-store';
import { messageOf } from './filter';

export interface AggregateSpec {
  readonly aggregator: Aggregator;
  readonly args: readonly CompiledExpr[];
}

/** Accumulators of one group, kept in the store. */
export interface GroupState {
  readonly key: unknown[];
  accs: unknown[];
  /** The latest event time folded in: Kafka Streams stamps an aggregate's result with the max. */
  ts?: number;
}

/**
 * Unwindowed GROUP BY. The input is keyed by the group (the first `keyCount` columns). Every
 * update emits the group's new result (ksqlDB with caching off). Over a table, an update first
 * retracts the key's previous row (`undo`), then adds the new one.
 */
export class AggregateOperator implements Processor {
  constructor(
    private readonly keyCount: number,
    private readonly specs: readonly AggregateSpec[],
    readonly store: KeyValueStore<GroupState>,
    private readonly next: Processor,
    private readonly ctx: ProcessingContext,
  ) {}

  push(rec: Rec): void {
    if (rec.tombstone && !rec.old) return; // a stream's null value, or a delete of nothing
    const key = rec.row.slice(0, this.keyCount);
    const k = storeKey(key);
    const existing = this.store.get(k);
    const state = existing ?? { key, accs: this.specs.map((s) => s.aggregator.initial()) };
    // The previous result, for HAVING to know whether the row was there before.
    const old = existing ? [...key, ...results(this.specs, state.accs)] : null;
    try {
      if (rec.old) applyRow(this.specs, state.accs, rec.old, 'undo');
      if (!rec.tombstone) applyRow(this.specs, state.accs, rec.row, 'add');
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
    // Kafka Streams stamps the new result with the latest time folded in so far, not the
    // record's own (an out-of-order record must not move the group's ROWTIME back).
    const ts = state.ts === undefined ? rec.ts : Math.max(state.ts, rec.ts);
    state.ts = ts;
    this.store.put(k, state);
    this.next.push(
      recordWith(rec, [...key, ...results(this.specs, state.accs)], { tombstone: false, old, ts }),
    );
  }
}

export function applyRow(
  specs: readonly AggregateSpec[],
  accs: unknown[],
  row: readonly unknown[],
  how: 'add' | 'undo',
): void {
  for (let i = 0; i < specs.length; i++) {
    const spec = specs[i]!;
    const args = spec.args.map((a) => {
      const v = a(row);
      return v === undefined ? null : v;
    });
    if (how === 'add') accs[i] = spec.aggregator.add(accs[i], args);
    else if (spec.aggregator.undo) accs[i] = spec.aggregator.undo(accs[i], args);
  }
}

export function results(specs: readonly AggregateSpec[], accs: readonly unknown[]): unknown[] {
  return specs.map((s, i) => {
    const v = s.aggregator.result(accs[i]);
    return v === undefined ? null : v;
  });
}
