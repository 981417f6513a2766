import type { CompiledExpr } from '../expr/compile-expression';
import type { ProcessingContext, Processor } from '../processor';
import { recordWith, type Rec } from '../record';
import { messageOf } from './filter';

/**
 * SELECT expressions. An expression that throws for a row yields NULL for that column and a
 * processing-log entry, as ksqlDB does; the row still flows. A tombstone (a table delete, or a
 * stream record with a null value) keeps only its key columns, computed from the row's key — a
 * PARTITION BY expression such as `K + 2` still yields the key of a null-valued record.
 */
export class ProjectOperator implements Processor {
  constructor(
    private readonly exprs: readonly CompiledExpr[],
    /** Which outputs are key columns (or window bounds), kept on tombstones. */
    private readonly keyOutputs: readonly boolean[],
    private readonly next: Processor,
    private readonly ctx: ProcessingContext,
  ) {}

  push(rec: Rec): void {
    if (rec.tombstone) {
      const row = this.exprs.map((e, i) => (this.keyOutputs[i] ? this.evaluate(e, rec) : null));
      this.next.push(recordWith(rec, row, { tombstone: true }));
      return;
    }
    const row = this.exprs.map((e) => this.evaluate(e, rec));
    const old = rec.old ? this.projectOld(rec.old) : rec.old;
    this.next.push(recordWith(rec, row, { tombstone: false, ...(old !== undefined ? { old } : {}) }));
  }

  private evaluate(expr: CompiledExpr, rec: Rec): unknown {
    try {
      const v = expr(rec.row);
      return v === undefined ? null : v;
    } catch (error) {
      this.ctx.reportError({
        kind: 'RECORD_PROCESSING',
        step: 'Project',
        message: messageOf(error),
        rec,
        cause: error,
      });
      return null;
    }
  }

  private projectOld(old: unknown[]): unknown[] {
    return this.exprs.map((e) => {
      try {
        const v = e(old);
        return v === undefined ? null : v;
      } catch {
        return null;
      }
    });
  }
}
