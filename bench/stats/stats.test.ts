import { describe, expect, it } from 'vitest';
import { interleave, median, percentileOfSorted, SampleBuffer, summarize } from './stats';

describe('median', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(median([])).toBeNaN();
  });

  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('percentiles', () => {
  const sorted = Float64Array.from({ length: 100 }, (_, i) => i + 1);

  it('uses the nearest rank', () => {
    expect(percentileOfSorted(sorted, 50)).toBe(50);
    expect(percentileOfSorted(sorted, 99)).toBe(99);
    expect(percentileOfSorted(sorted, 99.5)).toBe(100);
    expect(percentileOfSorted(sorted, 100)).toBe(100);
    expect(percentileOfSorted(sorted, 0)).toBe(1);
    expect(percentileOfSorted([5], 99)).toBe(5);
  });

  it('summarizes unsorted samples', () => {
    const s = summarize([10, 1, 5, 2, 8, 3, 9, 4, 7, 6]);
    expect(s).toMatchObject({ count: 10, p50: 5, p95: 10, p99: 10, max: 10, mean: 5.5 });
    expect(summarize([]).p50).toBeNaN();
  });
});

describe('SampleBuffer', () => {
  it('grows past its initial capacity and keeps every sample', () => {
    const b = new SampleBuffer();
    for (let i = 0; i < 5000; i++) b.add(i);
    expect(b.length).toBe(5000);
    expect(b.values()[4999]).toBe(4999);
    expect(summarize(b.values()).p50).toBe(2499);
  });
});

describe('interleave', () => {
  it('runs the variants round by round', async () => {
    const order: string[] = [];
    const results = await interleave(['a', 'b'], 3, async (v, round) => {
      order.push(`${v}${round}`);
      return round;
    });
    expect(order).toEqual(['a0', 'b0', 'a1', 'b1', 'a2', 'b2']);
    expect(results.get('a')).toEqual([0, 1, 2]);
  });
});
