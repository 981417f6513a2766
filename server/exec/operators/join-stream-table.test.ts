import { describe, expect, it } from 'vitest';
import type { Rec } from '../record';
import { KeyValueStore } from '../state/key-value-store';
import { StreamTableJoinOperator } from './join-stream-table';

// Stream rows are [key, value]; table rows are [key, value], a null value being a tombstone.
type Input = readonly ['S' | 'T', number | null, string | null, number];

function run(outer: boolean, inputs: readonly Input[]): string[] {
  const out: string[] = [];
  const op = new StreamTableJoinOperator(
    outer,
    { leftKey: [0], rightKey: [0], leftWidth: 2, rightWidth: 2 },
    new KeyValueStore<unknown[]>('t'),
    { push: (rec: Rec) => out.push(`${rec.row.slice(1).map(String).join(',')}@${rec.ts}`) },
  );
  for (const [side, key, value, ts] of inputs) {
    const rec: Rec = { row: [key, value], ts, tombstone: value === null, partition: 0, offset: 0 };
    (side === 'S' ? op.left : op.right).push(rec);
  }
  return out;
}

const script: Input[] = [
  ['S', 1, 'a', 1],
  ['T', 1, 'x', 2],
  ['S', 1, 'b', 3],
  ['T', 1, 'y', 4],
  ['S', 1, 'c', 5],
  ['T', 1, null, 6],
  ['S', 1, 'd', 7],
  ['S', null, 'e', 8],
];

describe('StreamTableJoinOperator', () => {
  it('inner: each stream record meets the table row current at its arrival; table changes emit nothing', () => {
    expect(run(false, script)).toEqual(['1,b,1,x@3', '1,c,1,y@5']);
  });

  it('left: records without a table row (or without a key) are emitted with NULLs', () => {
    expect(run(true, script)).toEqual([
      '1,a,null,null@1',
      '1,b,1,x@3',
      '1,c,1,y@5',
      '1,d,null,null@7',
      'null,e,null,null@8',
    ]);
  });
});
