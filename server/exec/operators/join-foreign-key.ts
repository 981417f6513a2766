import type { CompiledExpr } from '../expr/compile-expression';
import type { ProcessingContext, Processor } from '../processor';
import type { Rec } from '../record';
import { storeKey, type KeyValueStore } from '../state/key-value-store';
import { messageOf } from './filter';
import { hasNull, joinedRow, keyString, keyValues, origin, port, type JoinLayout } from './join-row';
import { keyOnlyRow, type TimedRow } from './join-table-table';

export interface ForeignKeyStores {
  /** Left rows by the left table's key. */
  readonly left: KeyValueStore<TimedRow>;
  /** Right rows by the right table's key. */
  readonly right: KeyValueStore<TimedRow>;
  /** For each foreign key, the keys of the left rows that reference it, in arrival order. */
  readonly subscriptions: KeyValueStore<string[]>;
}

/**
 * Foreign-key table-table join (INNER or LEFT): each left row references one right row through
 * `foreignKey` (expressions over the left row giving the right table's key). The result is keyed
 * by the left key. A left update re-joins that row; a right update re-joins every left row that
 * references it. A result that stops existing is deleted with a tombstone; outputs carry the
 * previous result as `old`.
 */
export class ForeignKeyJoinOperator {
  readonly left: Processor = port((rec) => this.onLeft(rec));
  readonly right: Processor = port((rec) => this.onRight(rec));

  constructor(
    private readonly outer: boolean,
    private readonly layout: JoinLayout,
    private readonly foreignKey: readonly CompiledExpr[],
    private readonly stores: ForeignKeyStores,
    private readonly next: Processor,
    private readonly ctx: ProcessingContext,
  ) {}

  private onLeft(rec: Rec): void {
    const keyVals = keyValues(rec.row, this.layout.leftKey);
    if (hasNull(keyVals)) return;
    const key = storeKey(keyVals);
    const before = this.stores.left.get(key);
    const oldFk = before ? this.fkOf(before.row, rec) : undefined;
    const newFk = rec.tombstone ? undefined : this.fkOf(rec.row, rec);
    if (oldFk !== newFk) {
      if (oldFk !== undefined) this.unsubscribe(oldFk, key);
      if (newFk !== undefined) this.subscribe(newFk, key);
    }
    if (rec.tombstone) this.stores.left.delete(key);
    else this.stores.left.put(key, { row: rec.row, ts: rec.ts });

    const oldRight = oldFk !== undefined ? this.stores.right.get(oldFk) : undefined;
    const newRight = newFk !== undefined ? this.stores.right.get(newFk) : undefined;
    const oldRow = before ? this.result(before.row, oldRight) : null;
    const newRow = rec.tombstone ? null : this.result(rec.row, newRight);
    const ts = newRight ? Math.max(rec.ts, newRight.ts) : rec.ts;
    this.forward(keyVals, newRow, oldRow, ts, rec);
  }

  private onRight(rec: Rec): void {
    const keyVals = keyValues(rec.row, this.layout.rightKey);
    if (hasNull(keyVals)) return;
    const fk = keyString(rec.row, this.layout.rightKey);
    const before = this.stores.right.get(fk);
    const now = rec.tombstone ? undefined : { row: rec.row, ts: rec.ts };
    if (now) this.stores.right.put(fk, now);
    else this.stores.right.delete(fk);
    for (const leftKey of this.stores.subscriptions.get(fk) ?? []) {
      const left = this.stores.left.get(leftKey);
      if (!left) continue;
      const oldRow = this.result(left.row, before);
      const newRow = this.result(left.row, now);
      this.forward(keyValues(left.row, this.layout.leftKey), newRow, oldRow, Math.max(rec.ts, left.ts), rec);
    }
  }

  private result(left: unknown[], right: TimedRow | undefined): unknown[] | null {
    if (!right && !this.outer) return null;
    return joinedRow(this.layout, left, right?.row ?? null);
  }

  private forward(key: unknown[], row: unknown[] | null, old: unknown[] | null, ts: number, rec: Rec): void {
    // Nothing existed and nothing exists: no need to delete anything downstream.
    if (row === null && old === null) return;
    this.next.push({
      row: row ?? keyOnlyRow(this.layout, key),
      ts,
      tombstone: row === null,
      old,
      ...origin(rec),
    });
  }

  /** The store key of the right row a left row references; undefined when it references none. */
  private fkOf(row: unknown[], rec: Rec): string | undefined {
    try {
      const values = this.foreignKey.map((e) => e(row) ?? null);
      return hasNull(values) ? undefined : storeKey(values);
    } catch (error) {
      this.ctx.reportError({
        kind: 'RECORD_PROCESSING',
        step: 'Join',
        message: messageOf(error),
        rec,
        cause: error,
      });
      return undefined;
    }
  }

  private subscribe(fk: string, key: string): void {
    const keys = this.stores.subscriptions.get(fk) ?? [];
    if (!keys.includes(key)) this.stores.subscriptions.put(fk, [...keys, key]);
  }

  private unsubscribe(fk: string, key: string): void {
    const keys = (this.stores.subscriptions.get(fk) ?? []).filter((k) => k !== key);
    if (keys.length === 0) this.stores.subscriptions.delete(fk);
    else this.stores.subscriptions.put(fk, keys);
  }
}
