import type { CompiledExpr } from '../expr/compile-expression';
import type { ProcessingContext, Processor } from '../processor';
import { recordWith, type Rec } from '../record';
import { messageOf } from './filter';

/**
 * Table functions (EXPLODE, CUBE_EXPLODE…). With several functions in one SELECT, ksqlDB zips
 * their outputs: as many rows as the longest, shorter ones padded with NULL.
 */
export class FlatMapOperator implements Processor {
  constructor(
    private readonly calls: readonly {
      readonly invoke: (...args: unknown[]) => unknown[];
      readonly args: readonly CompiledExpr[];
    }[],
    private readonly next: Processor,
    private readonly ctx: ProcessingContext,
  ) {}

  push(rec: Rec): void {
    if (rec.tombstone) return;
    let results: unknown[][];
    try {
      results = this.calls.map((c) => {
        const out = c.invoke(...c.args.map((a) => a(rec.row)));
        return Array.isArray(out) ? out : [];
      });
    } catch (error) {
      this.ctx.reportError({
        kind: 'RECORD_PROCESSING',
        step: 'FlatMap',
        message: messageOf(error),
        rec,
        cause: error,
      });
      return;
    }
    const count = Math.max(0, ...results.map((r) => r.length));
    for (let i = 0; i < count; i++) {
      const row = rec.row.slice();
      for (const r of results) row.push(i < r.length ? (r[i] ?? null) : null);
      this.next.push(recordWith(rec, row, { tombstone: false }));
    }
  }
}
