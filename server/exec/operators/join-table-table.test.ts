import { describe, expect, it } from 'vitest';
import type { JoinType } from '../../sql/ast';
import type { Rec } from '../record';
import { KeyValueStore } from '../state/key-value-store';
import { TableTableJoinOperator, type TimedRow } from './join-table-table';

// Rows are [key, value]; an input value of null is a tombstone for the key.
type Update = readonly ['L' | 'R', number, string | null, number];

/** Each output as `key:leftValue,rightValue@ts` (or `key:DELETE@ts`), with `old` in brackets. */
function run(joinType: JoinType, updates: readonly Update[]): string[] {
  const out: string[] = [];
  const show = (row: readonly unknown[]): string => `${String(row[2])},${String(row[4])}`;
  const op = new TableTableJoinOperator(
    joinType,
    { leftKey: [0], rightKey: [0], leftWidth: 2, rightWidth: 2 },
    { left: new KeyValueStore<TimedRow>('l'), right: new KeyValueStore<TimedRow>('r') },
    {
      push: (rec: Rec) =>
        out.push(
          `${String(rec.row[0])}:${rec.tombstone ? 'DELETE' : show(rec.row)}@${rec.ts}${rec.old ? ` [${show(rec.old)}]` : ''}`,
        ),
    },
  );
  for (const [side, key, value, ts] of updates) {
    const rec: Rec = { row: [key, value], ts, tombstone: value === null, partition: 0, offset: 0 };
    (side === 'L' ? op.left : op.right).push(rec);
  }
  return out;
}

const script: Update[] = [
  ['L', 1, 'a', 1],
  ['R', 1, 'x', 2],
  ['L', 1, 'b', 3],
  ['R', 2, 'y', 4],
  ['R', 1, null, 5],
  ['L', 1, null, 6],
  ['L', 3, null, 7],
];

describe('TableTableJoinOperator', () => {
  it.each([
    {
      type: 'INNER' as JoinType,
      expected: ['1:a,x@2', '1:b,x@3 [a,x]', '1:DELETE@5 [b,x]'],
    },
    {
      type: 'LEFT' as JoinType,
      expected: [
        '1:a,null@1',
        '1:a,x@2 [a,null]',
        '1:b,x@3 [a,x]',
        '1:b,null@5 [b,x]',
        '1:DELETE@6 [b,null]',
      ],
    },
    {
      type: 'RIGHT' as JoinType,
      expected: ['1:a,x@2', '1:b,x@3 [a,x]', '2:null,y@4', '1:DELETE@5 [b,x]'],
    },
    {
      type: 'FULL' as JoinType,
      expected: [
        '1:a,null@1',
        '1:a,x@2 [a,null]',
        '1:b,x@3 [a,x]',
        '2:null,y@4',
        '1:b,null@5 [b,x]',
        '1:DELETE@6 [b,null]',
      ],
    },
  ])('$type join: upserts, retractions and tombstones', ({ type, expected }) => {
    expect(run(type, script)).toEqual(expected);
  });

  it('stamps a result with the later of the two rows', () => {
    expect(
      run('INNER', [
        ['R', 1, 'x', 50],
        ['L', 1, 'a', 10],
      ]),
    ).toEqual(['1:a,x@50']);
  });
});
