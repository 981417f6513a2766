import type { Processor } from '../processor';
import type { Rec } from '../record';
import type { KeyValueStore } from '../state/key-value-store';
import { emit, hasNull, joinedRow, keyString, keyValues, port, type JoinLayout } from './join-row';

/**
 * Stream-table join (INNER or LEFT): each stream record looks up the table row of its key as the
 * table stands when the record is processed, and is emitted joined with it (with NULLs in a LEFT
 * join when there is none), at the stream record's time. Table updates only change what later
 * stream records see. The table side is materialized here from its changelog.
 */
export class StreamTableJoinOperator {
  readonly left: Processor = port((rec) => this.onStream(rec));
  readonly right: Processor = port((rec) => this.onTable(rec));
  /** Stream records of an inner join dropped because their join key was NULL. */
  droppedRecords = 0;

  constructor(
    private readonly outer: boolean,
    private readonly layout: JoinLayout,
    readonly table: KeyValueStore<unknown[]>,
    private readonly next: Processor,
  ) {}

  private onStream(rec: Rec): void {
    if (rec.tombstone) return;
    if (hasNull(keyValues(rec.row, this.layout.leftKey))) {
      // No table row has a NULL key; a LEFT join still reports the record (Kafka Streams, KIP-962).
      if (this.outer) emit(this.next, joinedRow(this.layout, rec.row, null), rec.ts, rec);
      else this.droppedRecords++;
      return;
    }
    const right = this.table.get(keyString(rec.row, this.layout.leftKey));
    if (!right && !this.outer) return;
    emit(this.next, joinedRow(this.layout, rec.row, right ?? null), rec.ts, rec);
  }

  private onTable(rec: Rec): void {
    if (hasNull(keyValues(rec.row, this.layout.rightKey))) return;
    const key = keyString(rec.row, this.layout.rightKey);
    if (rec.tombstone) this.table.delete(key);
    else this.table.put(key, rec.row);
  }
}
