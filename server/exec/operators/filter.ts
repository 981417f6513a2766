import type { CompiledExpr } from '../expr/compile-expression';
import type { ProcessingContext, Processor } from '../processor';
import { recordWith, type Rec } from '../record';

/**
 * WHERE / HAVING. On a stream a row that does not match is dropped. On a table it becomes a
 * tombstone for its key (ksqlDB forwards the delete so a row that stops matching disappears
 * downstream). A predicate that throws for a row counts as not matching and is logged.
 */
export class FilterOperator implements Processor {
  constructor(
    private readonly predicate: CompiledExpr,
    private readonly table: boolean,
    private readonly keyIndexes: readonly number[],
    private readonly next: Processor,
    private readonly ctx: ProcessingContext,
  ) {}

  push(rec: Rec): void {
    if (rec.tombstone && rec.old === undefined) {
      if (this.table) this.next.push(rec);
      return;
    }
    const passes = !rec.tombstone && this.test(rec.row, rec);
    if (!this.table) {
      if (passes) this.next.push(rec);
      return;
    }
    if (rec.old === undefined) {
      // Without the previous row, a row that does not match must be deleted downstream.
      this.next.push(passes ? rec : tombstoneOf(rec, this.keyIndexes));
      return;
    }
    // Knowing the previous row: delete only what was there (ksqlDB's HAVING on an aggregate).
    const oldPassed = rec.old !== null && this.test(rec.old, rec);
    if (passes) this.next.push(oldPassed ? rec : { ...rec, old: null });
    else if (oldPassed) this.next.push(tombstoneOf(rec, this.keyIndexes));
  }

  private test(row: readonly unknown[], rec: Rec): boolean {
    try {
      return this.predicate(row) === true;
    } catch (error) {
      this.ctx.reportError({
        kind: 'RECORD_PROCESSING',
        step: 'Filter',
        message: messageOf(error),
        rec,
        cause: error,
      });
      return false;
    }
  }
}

export function tombstoneOf(rec: Rec, keyIndexes: readonly number[]): Rec {
  const row = new Array<unknown>(rec.row.length).fill(null);
  for (const i of keyIndexes) row[i] = rec.row[i];
  return recordWith(rec, row, { tombstone: true });
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
