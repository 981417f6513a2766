import type { Processor } from '../processor';
import type { Rec } from '../record';
import { type KeyValueStore, storeKey } from '../state/key-value-store';

/**
 * Materializes a table from its changelog topic so that each update carries the key's previous
 * row (`old`): aggregations over tables retract it, table joins look rows up. Records with a NULL
 * key are dropped, as tables cannot hold them.
 */
export class TableSourceOperator implements Processor {
  constructor(
    private readonly keyIndexes: readonly number[],
    readonly store: KeyValueStore<unknown[]>,
    private readonly next: Processor,
  ) {}

  push(rec: Rec): void {
    const keyValues = this.keyIndexes.map((i) => rec.row[i]);
    if (keyValues.some((v) => v === null)) return;
    const k = storeKey(keyValues);
    const old = this.store.get(k) ?? null;
    if (rec.tombstone) {
      if (old === null) {
        this.next.push({ ...rec, old: null });
        return;
      }
      this.store.delete(k);
    } else {
      this.store.put(k, rec.row);
    }
    this.next.push({ ...rec, old });
  }

  lookup(keyValues: readonly unknown[]): unknown[] | undefined {
    return this.store.get(storeKey(keyValues));
  }
}
