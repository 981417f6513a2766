import { describe, expect, it } from 'vitest';
import type { JoinType } from '../../sql/ast';
import type { Processor } from '../processor';
import type { Rec } from '../record';
import { KeyValueStore } from '../state/key-value-store';
import { JoinOuterBuffer, type OuterEntry } from './join-outer-buffer';
import { StreamStreamJoinOperator, joinRetentionMs } from './join-stream-stream';
import { JoinWindowStore, type WindowEntry } from './join-window-store';

// Rows are [key, value]; the joined row is [key, leftKey, leftValue, rightKey, rightValue].
type Input = readonly ['L' | 'R', number | null, string, number];

function run(
  joinType: JoinType,
  within: { beforeMs: number; afterMs: number; graceMs?: number },
  inputs: readonly Input[],
): string[] {
  const out: string[] = [];
  const next: Processor = {
    push: (rec: Rec) => out.push(`${rec.row.slice(1).map(String).join(',')}@${rec.ts}`),
  };
  const spec = { joinType, ...within, layout: { leftKey: [0], rightKey: [0], leftWidth: 2, rightWidth: 2 } };
  const retention = joinRetentionMs(spec);
  const stores = {
    left: new JoinWindowStore(new KeyValueStore<WindowEntry[]>('l'), retention),
    right: new JoinWindowStore(new KeyValueStore<WindowEntry[]>('r'), retention),
  };
  const outer =
    within.graceMs !== undefined && joinType !== 'INNER'
      ? new JoinOuterBuffer(new KeyValueStore<OuterEntry>('o'))
      : undefined;
  const op = new StreamStreamJoinOperator(spec, stores, outer, next);
  let offset = 0;
  for (const [side, key, value, ts] of inputs) {
    const rec: Rec = { row: [key, value], ts, tombstone: false, partition: 0, offset: offset++ };
    (side === 'L' ? op.left : op.right).push(rec);
  }
  return out;
}

describe('StreamStreamJoinOperator', () => {
  it.each([
    {
      what: 'inner: pairs within the window, emitted when the later record arrives, at its time',
      type: 'INNER' as JoinType,
      within: { beforeMs: 10, afterMs: 10 },
      inputs: [
        ['L', 1, 'a', 0],
        ['R', 1, 'x', 5],
        ['R', 1, 'y', 11],
        ['L', 1, 'b', 20],
      ] as Input[],
      expected: ['1,a,1,x@5', '1,b,1,y@20'],
    },
    {
      what: 'asymmetric bounds: a left record at t meets right records in [t - before, t + after]',
      type: 'INNER' as JoinType,
      within: { beforeMs: 5, afterMs: 0 },
      inputs: [
        ['R', 1, 'x', 0],
        ['L', 1, 'a', 4],
        ['L', 1, 'b', 6],
        ['R', 1, 'y', 7],
      ] as Input[],
      expected: ['1,a,1,x@4'],
    },
    {
      what: 'left without grace: unmatched left rows are emitted at once, then again when joined',
      type: 'LEFT' as JoinType,
      within: { beforeMs: 10, afterMs: 10 },
      inputs: [
        ['L', 1, 'a', 0],
        ['R', 1, 'x', 5],
        ['R', 2, 'y', 6],
      ] as Input[],
      expected: ['1,a,null,null@0', '1,a,1,x@5'],
    },
    {
      what: 'full outer without grace: both sides report unmatched records eagerly',
      type: 'FULL' as JoinType,
      within: { beforeMs: 10, afterMs: 10 },
      inputs: [
        ['R', 1, 'x', 0],
        ['L', 1, 'a', 3],
        ['L', 2, 'b', 4],
      ] as Input[],
      expected: ['null,null,1,x@0', '1,a,1,x@3', '2,b,null,null@4'],
    },
    {
      what: 'left with grace: an unmatched row waits until its window and the grace have passed',
      type: 'LEFT' as JoinType,
      within: { beforeMs: 10, afterMs: 10, graceMs: 5 },
      inputs: [
        ['L', 1, 'a', 0],
        ['L', 2, 'b', 1],
        ['R', 2, 'y', 8],
        ['L', 3, 'c', 15],
        ['L', 3, 'd', 16],
      ] as Input[],
      expected: ['2,b,2,y@8', '1,a,null,null@0'],
    },
    {
      what: 'with grace, a record whose window closed already is reported at once',
      type: 'LEFT' as JoinType,
      within: { beforeMs: 10, afterMs: 10, graceMs: 100 },
      inputs: [
        ['L', 9, 'late-base', 100],
        ['L', 1, 'old', 50],
      ] as Input[],
      expected: ['1,old,null,null@50'],
    },
    {
      what: 'records older than the retention (window + grace) are neither stored nor found',
      type: 'INNER' as JoinType,
      within: { beforeMs: 10, afterMs: 10, graceMs: 0 },
      inputs: [
        ['L', 1, 'a', 100],
        ['L', 1, 'too-old', 70],
        ['R', 1, 'x', 75],
      ] as Input[],
      expected: [],
    },
    {
      what: 'NULL keys never match; an outer side still reports them',
      type: 'LEFT' as JoinType,
      within: { beforeMs: 10, afterMs: 10 },
      inputs: [
        ['R', null, 'x', 0],
        ['L', null, 'a', 1],
      ] as Input[],
      expected: ['null,a,null,null@1'],
    },
  ])('$what', ({ type, within, inputs, expected }) => {
    expect(run(type, within, inputs)).toEqual(expected);
  });

  it('counts records too late for the window store', () => {
    const spec = {
      joinType: 'INNER' as JoinType,
      beforeMs: 1,
      afterMs: 1,
      graceMs: 0,
      layout: { leftKey: [0], rightKey: [0], leftWidth: 2, rightWidth: 2 },
    };
    const store = new JoinWindowStore(new KeyValueStore<WindowEntry[]>('l'), joinRetentionMs(spec));
    const op = new StreamStreamJoinOperator(
      spec,
      { left: store, right: new JoinWindowStore(new KeyValueStore<WindowEntry[]>('r'), 2) },
      undefined,
      { push: () => undefined },
    );
    for (const ts of [100, 10])
      op.left.push({ row: [1, 'v'], ts, tombstone: false, partition: 0, offset: 0 });
    expect(op.lateRecords).toBe(1);
  });
});
