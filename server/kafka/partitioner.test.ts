import { describe, expect, it } from 'vitest';
import { murmur2, partitionFor } from './partitioner';

describe('murmur2 (Kafka default partitioner)', () => {
  // Reference values computed with Kafka's org.apache.kafka.common.utils.Utils.murmur2.
  it.each([
    ['21', -973932308],
    ['foobar', -790332482],
    ['a-little-bit-long-string', -985981536],
    ['a-little-bit-longer-string', -1486304829],
    ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
    ['abc', 479470107],
  ])('hashes %s', (text, expected) => {
    expect(murmur2(Buffer.from(text))).toBe(expected);
  });

  it('spreads keys over partitions and keeps null keys on the fallback', () => {
    expect(partitionFor(null, 4, 2)).toBe(2);
    expect(partitionFor(Buffer.from('abc'), 1)).toBe(0);
    const p = partitionFor(Buffer.from('abc'), 6);
    expect(p).toBe((479470107 & 0x7fffffff) % 6);
  });
});
