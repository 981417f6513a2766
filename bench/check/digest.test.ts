import { describe, expect, it } from 'vitest';
import { windowStarts } from './canonical-stateful';
import { StreamDigest, TableDigest, hash32, sameDigest } from './digest';

describe('output digests', () => {
  it('fingerprint a multiset of rows whatever their order', () => {
    const a = new StreamDigest();
    const b = new StreamDigest();
    for (const r of ['x', 'y', 'y']) a.add(r);
    for (const r of ['y', 'x', 'y']) b.add(r);
    expect(sameDigest(a.digest(), b.digest())).toBe(true);
    b.add('z');
    expect(sameDigest(a.digest(), b.digest())).toBe(false);
  });

  it('keep the last row per key and forget deleted keys, like a compacted topic', () => {
    const t = new TableDigest();
    t.put('k1', 'old');
    t.put('k1', 'new');
    t.put('k2', 'gone');
    t.put('k2', null);
    const expected = new TableDigest();
    expected.put('k1', 'new');
    expect(t.digest()).toEqual(expected.digest());
    expect(t.size).toBe(1);
  });

  it('hash text with FNV-1a', () => {
    expect(hash32('')).toBe(0x811c9dc5);
    expect(hash32('a')).toBe(0xe40c292c);
  });
});

describe('windowStarts', () => {
  it('lists every hopping window containing a timestamp, as Kafka Streams does', () => {
    expect(windowStarts(10_500, 10_000, 2_000)).toEqual([2_000, 4_000, 6_000, 8_000, 10_000]);
    expect(windowStarts(3_000, 10_000, 2_000)).toEqual([0, 2_000]);
    expect(windowStarts(12_345, 10_000, 10_000)).toEqual([10_000]);
  });
});
