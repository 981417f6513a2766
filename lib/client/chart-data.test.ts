import { describe, expect, it } from 'vitest';
import { chartData } from './chart-data';

describe('chartData', () => {
  const columns = ['REGION', 'WINDOWSTART', 'TOTAL'];
  const line = { type: 'line' as const, x: 'WINDOWSTART', y: ['TOTAL'], series: 'REGION', reason: '' };

  it('pivots rows into one value per series at each x, sorted by x', () => {
    const out = chartData(line, columns, [
      ['EU', 2000, 5],
      ['US', 1000, 1],
      ['EU', 1000, 2],
    ]);
    expect(out.seriesKeys).toEqual(['EU', 'US']);
    expect(out.data).toEqual([
      { x: 1000, US: 1, EU: 2 },
      { x: 2000, EU: 5 },
    ]);
  });

  it('keeps at most maxPoints x positions and maxSeries series', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => [`k${i % 30}`, i, i]);
    const out = chartData(line, columns, rows, { maxPoints: 2000, maxSeries: 12, maxBars: 50 });
    expect(out.data).toHaveLength(2000);
    expect(out.data[0]!.x).toBe(3000);
    expect(out.seriesKeys).toHaveLength(12);
    expect(out.hiddenSeries).toBe(18);
  });

  it('draws bars from the latest value per category', () => {
    const bar = { type: 'bar' as const, x: 'REGION', y: ['TOTAL'], series: null, reason: '' };
    const out = chartData(bar, columns, [
      ['EU', 0, 1],
      ['US', 0, 2],
      ['EU', 0, 3],
    ]);
    expect(out.data).toEqual([
      { x: 'US', TOTAL: 2 },
      { x: 'EU', TOTAL: 3 },
    ]);
  });

  it('uses arrival order without an x column, and nothing for type none', () => {
    const seq = { type: 'line' as const, x: null, y: ['TOTAL'], series: null, reason: '' };
    expect(
      chartData(seq, columns, [
        ['a', 0, 4],
        ['b', 0, 6],
      ]).data,
    ).toEqual([
      { x: 0, TOTAL: 4 },
      { x: 1, TOTAL: 6 },
    ]);
    expect(chartData({ ...seq, type: 'none' }, columns, [['a', 0, 4]]).data).toEqual([]);
  });

  it('handles 10,000 rows quickly', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => [`k${i % 5}`, Math.floor(i / 5) * 1000, i]);
    const started = performance.now();
    for (let i = 0; i < 10; i++) chartData(line, columns, rows);
    expect((performance.now() - started) / 10).toBeLessThan(40);
  });
});
