import type { JoinType } from '../../sql/ast';
import type { Processor } from '../processor';
import type { Rec } from '../record';
import type { KeyValueStore } from '../state/key-value-store';
import type { JoinSide } from './join-outer-buffer';
import { hasNull, joinedRow, keyString, keyValues, origin, port, type JoinLayout } from './join-row';

/** A materialized table row and the time of its last update. */
export interface TimedRow {
  readonly row: unknown[];
  readonly ts: number;
}

/**
 * Table-table join on the primary key (INNER, LEFT, RIGHT, FULL). Both sides are materialized;
 * an update on one side is joined with the other side's current row and emitted as an upsert of
 * the result (timestamp: the later of the two rows), or a tombstone when the result row no longer
 * exists. As in Kafka Streams, an update produces nothing when neither the old nor the new result
 * exists, and each output carries the key's previous result as `old` so that an aggregation over
 * the join can retract it.
 */
export class TableTableJoinOperator {
  readonly left: Processor = port((rec) => this.process('left', rec));
  readonly right: Processor = port((rec) => this.process('right', rec));

  constructor(
    private readonly joinType: JoinType,
    private readonly layout: JoinLayout,
    private readonly stores: Readonly<Record<JoinSide, KeyValueStore<TimedRow>>>,
    private readonly next: Processor,
  ) {}

  private process(side: JoinSide, rec: Rec): void {
    const isLeft = side === 'left';
    const positions = isLeft ? this.layout.leftKey : this.layout.rightKey;
    const keyVals = keyValues(rec.row, positions);
    if (hasNull(keyVals)) return;
    const key = keyString(rec.row, positions);
    const mine = this.stores[side];
    const theirs = this.stores[isLeft ? 'right' : 'left'];
    const before = mine.get(key);
    const other = theirs.get(key);
    if (rec.tombstone) mine.delete(key);
    else mine.put(key, { row: rec.row, ts: rec.ts });

    const keeps = (s: JoinSide): boolean =>
      this.joinType === 'FULL' || this.joinType === (s === 'left' ? 'LEFT' : 'RIGHT');
    const now = rec.tombstone ? null : rec.row;
    if (!other && (!keeps(side) || (!now && !before))) return;

    const result = (mineRow: unknown[] | null): unknown[] | null => {
      const otherRow = other?.row ?? null;
      if (!mineRow && !(otherRow && keeps(isLeft ? 'right' : 'left'))) return null;
      if (!otherRow && !keeps(side)) return null;
      return isLeft ? joinedRow(this.layout, mineRow, otherRow) : joinedRow(this.layout, otherRow, mineRow);
    };
    const newRow = result(now);
    const oldRow = result(before?.row ?? null);
    const ts = other ? Math.max(rec.ts, other.ts) : rec.ts;
    const row = newRow ?? keyOnlyRow(this.layout, keyVals);
    this.next.push({
      row,
      ts,
      tombstone: newRow === null,
      old: oldRow,
      ...origin(rec),
    });
  }
}

/** The row of a tombstone: only the key columns are meaningful. */
export function keyOnlyRow(layout: JoinLayout, key: readonly unknown[]): unknown[] {
  const row = new Array<unknown>(key.length + layout.leftWidth + layout.rightWidth).fill(null);
  key.forEach((v, i) => (row[i] = v));
  return row;
}
