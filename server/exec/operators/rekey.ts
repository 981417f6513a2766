import type { CompiledExpr } from '../expr/compile-expression';
import type { ProcessingContext, Processor } from '../processor';
import { recordWith, type Rec } from '../record';
import { messageOf } from './filter';

/**
 * A new key for each row (PARTITION BY, GROUP BY, joins): output row = the new key values, then
 * the whole input row. For a table changelog the key of a row may change, so the previous row is
 * retracted under its old key before the new one is added under the new key.
 * In a distributed query the output goes through a repartition topic; in-process it flows on.
 */
export class RekeyOperator implements Processor {
  constructor(
    private readonly keys: readonly CompiledExpr[],
    private readonly table: boolean,
    private readonly next: Processor,
    private readonly ctx: ProcessingContext,
    /** GROUP BY drops rows whose new key is NULL (ksqlDB logs them); PARTITION BY keeps them. */
    private readonly dropNullKeys: boolean,
  ) {}

  private rekey(row: readonly unknown[], rec: Rec): unknown[] | undefined {
    const out = new Array<unknown>(this.keys.length + row.length);
    for (let i = 0; i < this.keys.length; i++) {
      let v: unknown;
      try {
        v = this.keys[i]!(row);
      } catch (error) {
        this.ctx.reportError({
          kind: 'RECORD_PROCESSING',
          step: 'Rekey',
          message: messageOf(error),
          rec,
          cause: error,
        });
        v = null;
      }
      if (v === undefined) v = null;
      if (v === null && this.dropNullKeys) return undefined;
      out[i] = v;
    }
    for (let i = 0; i < row.length; i++) out[this.keys.length + i] = row[i];
    return out;
  }

  push(rec: Rec): void {
    if (!this.table) {
      if (rec.tombstone) return;
      const row = this.rekey(rec.row, rec);
      if (row) this.next.push(recordWith(rec, row, { tombstone: false }));
      return;
    }
    const oldRow = rec.old ? this.rekey(rec.old, rec) : undefined;
    const newRow = rec.tombstone ? undefined : this.rekey(rec.row, rec);
    const sameKey =
      oldRow !== undefined &&
      newRow !== undefined &&
      this.keys.every((_, i) => sameValue(oldRow[i], newRow[i]));
    if (oldRow && !sameKey) {
      this.next.push(recordWith(rec, oldRow, { tombstone: true, old: oldRow }));
    }
    if (newRow) {
      this.next.push(recordWith(rec, newRow, { tombstone: false, old: sameKey ? oldRow : null }));
    }
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
