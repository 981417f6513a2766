import type { Processor } from '../processor';
import type { Rec } from '../record';
import { storeKey } from '../state/key-value-store';

/**
 * Where a join finds the key of each input row and how it lays out its output row: the key (and
 * window bounds) of the side that is present — the left one when both are — then the left row,
 * then the right row, NULL-filled for a missing side.
 */
export interface JoinLayout {
  /** Positions of the key columns (and window bounds) in a left input row … */
  readonly leftKey: readonly number[];
  /** … and in a right input row, in the same order. */
  readonly rightKey: readonly number[];
  readonly leftWidth: number;
  readonly rightWidth: number;
}

export function keyValues(row: readonly unknown[], positions: readonly number[]): unknown[] {
  return positions.map((p) => {
    const v = row[p];
    return v === undefined ? null : v;
  });
}

export function hasNull(values: readonly unknown[]): boolean {
  return values.some((v) => v === null);
}

export function keyString(row: readonly unknown[], positions: readonly number[]): string {
  return storeKey(keyValues(row, positions));
}

export function joinedRow(
  layout: JoinLayout,
  left: readonly unknown[] | null,
  right: readonly unknown[] | null,
): unknown[] {
  const key = left ? keyValues(left, layout.leftKey) : keyValues(right!, layout.rightKey);
  const out = new Array<unknown>(key.length + layout.leftWidth + layout.rightWidth);
  let i = 0;
  for (const v of key) out[i++] = v;
  for (let j = 0; j < layout.leftWidth; j++) out[i++] = left ? (left[j] ?? null) : null;
  for (let j = 0; j < layout.rightWidth; j++) out[i++] = right ? (right[j] ?? null) : null;
  return out;
}

/** A processor that hands records to a join operator as coming from one of its sides. */
export function port(handle: (rec: Rec) => void): Processor {
  return { push: handle };
}

export function emit(next: Processor, row: unknown[], ts: number, from: Rec): void {
  next.push({ row, ts, tombstone: false, ...origin(from) });
}

/** What an output inherits from the record that produced it: its position and its headers. */
export function origin(rec: Rec): Pick<Rec, 'partition' | 'offset' | 'headers'> {
  return { partition: rec.partition, offset: rec.offset, ...(rec.headers ? { headers: rec.headers } : {}) };
}
