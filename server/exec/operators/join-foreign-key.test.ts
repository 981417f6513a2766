import { describe, expect, it } from 'vitest';
import type { Rec } from '../record';
import { KeyValueStore } from '../state/key-value-store';
import { ForeignKeyJoinOperator } from './join-foreign-key';
import type { TimedRow } from './join-table-table';

// Left rows are [orderId, customerId]; right rows are [customerId, name].
type Update = readonly ['L' | 'R', number, number | string | null, number];

function run(outer: boolean, updates: readonly Update[]): string[] {
  const out: string[] = [];
  const op = new ForeignKeyJoinOperator(
    outer,
    { leftKey: [0], rightKey: [0], leftWidth: 2, rightWidth: 2 },
    [(row) => row[1]],
    {
      left: new KeyValueStore<TimedRow>('l'),
      right: new KeyValueStore<TimedRow>('r'),
      subscriptions: new KeyValueStore<string[]>('s'),
    },
    {
      push: (rec: Rec) =>
        out.push(
          `${String(rec.row[0])}:${rec.tombstone ? 'DELETE' : `${String(rec.row[2])},${String(rec.row[4])}`}@${rec.ts}`,
        ),
    },
    { reportError: () => undefined, streamTime: () => 0 },
  );
  for (const [side, key, value, ts] of updates) {
    const rec: Rec = { row: [key, value], ts, tombstone: value === null, partition: 0, offset: 0 };
    (side === 'L' ? op.left : op.right).push(rec);
  }
  return out;
}

const script: Update[] = [
  ['R', 7, 'ann', 1],
  ['L', 100, 7, 2],
  ['L', 101, 8, 3],
  ['R', 8, 'bob', 4],
  ['R', 7, 'anne', 5],
  ['L', 100, 8, 6],
  ['R', 8, null, 7],
  ['L', 101, null, 8],
];

describe('ForeignKeyJoinOperator', () => {
  it('inner: a right update re-joins every left row that references it', () => {
    expect(run(false, script)).toEqual([
      '100:7,ann@2',
      '101:8,bob@4',
      '100:7,anne@5',
      '100:8,bob@6',
      '101:DELETE@7',
      '100:DELETE@7',
    ]);
  });

  it('left: rows without a match keep NULLs and are deleted only with the left row', () => {
    expect(run(true, script)).toEqual([
      '100:7,ann@2',
      '101:8,null@3',
      '101:8,bob@4',
      '100:7,anne@5',
      '100:8,bob@6',
      '101:8,null@7',
      '100:8,null@7',
      '101:DELETE@8',
    ]);
  });
});
