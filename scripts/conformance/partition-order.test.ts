import { describe, expect, it } from 'vitest';
import type { ActualRecord } from './compare-records';
import { alignPartitions } from './partition-order';
import { JsonNumber } from './qtt-json';

const actual = (v: string): ActualRecord => ({ key: null, value: v, timestamp: 0, headers: [] });
const expected = (v: string) => ({ topic: 't', value: v });
const values = (rs: readonly ActualRecord[]) => rs.map((r) => r.value);

describe('alignPartitions', () => {
  it('keeps a single partition as it is', () => {
    const rs = [
      { partition: 0, record: actual('b') },
      { partition: 0, record: actual('a') },
    ];
    expect(values(alignPartitions([expected('a'), expected('b')], rs, false))).toEqual(['b', 'a']);
  });

  it('interleaves partitions to follow the expected order', () => {
    const rs = [
      { partition: 0, record: actual('a') },
      { partition: 0, record: actual('c') },
      { partition: 1, record: actual('b') },
    ];
    const order = alignPartitions([expected('a'), expected('b'), expected('c')], rs, false);
    expect(values(order)).toEqual(['a', 'b', 'c']);
  });

  it('never reorders within a partition, so a wrong order still shows', () => {
    const rs = [
      { partition: 0, record: actual('b') },
      { partition: 0, record: actual('a') },
      { partition: 1, record: actual('x') },
    ];
    const order = alignPartitions([expected('a'), expected('b'), expected('x')], rs, false);
    expect(values(order)).toEqual(['b', 'a', 'x']);
  });

  it('appends records beyond the expected ones', () => {
    const rs = [
      { partition: 1, record: actual('b') },
      { partition: 0, record: { ...actual('a'), key: new JsonNumber('1') } },
    ];
    expect(values(alignPartitions([expected('b')], rs, false))).toEqual(['b', 'a']);
  });
});
