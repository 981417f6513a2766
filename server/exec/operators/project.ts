import type { CompiledExpr } from '../expr/compile-expression';
import type { ProcessingContext, Processor } from '../processor';
import { recordWith, type Rec } from '../record';
import { messageOf } from './filter';

/**
 * SELECT expressions. An expression that throws for a row yields NULL for that column and a
 * processing-log entry, as ksqlDB does; the row still flows. Tombstones keep their key columns.
 */
export class ProjectOperator implements Processor {
  constructor(
    private readonly exprs: readonly CompiledExpr[],
    /** For tombstones: output position → input position of the key column (or -1). */
    private readonly keyMapping: readonly number[],
    private readonly next: Processor,
    private readonly ctx: ProcessingContext,
  ) {}

  push(rec: Rec): void {
    if (rec.tombstone) {
      const row = this.keyMapping.map((i) => (i >= 0 ? rec.row[i] : null));
      this.next.push(recordWith(rec, row, { tombstone: true }));
      return;
    }
    const n = this.exprs.length;
    const row = new Array<unknown>(n);
    for (let i = 0; i < n; i++) {
      try {
        const v = this.exprs[i]!(rec.row);
        row[i] = v === undefined ? null : v;
      } catch (error) {
        row[i] = null;
        this.ctx.reportError({
          kind: 'RECORD_PROCESSING',
          step: 'Project',
          message: messageOf(error),
          rec,
          cause: error,
        });
      }
    }
    const old = rec.old ? this.projectOld(rec.old) : rec.old;
    this.next.push(recordWith(rec, row, { tombstone: false, ...(old !== undefined ? { old } : {}) }));
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
