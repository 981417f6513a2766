import { describe, expect, it } from 'vitest';
import { exportFileName, toCsv, toJson } from './export';

describe('export', () => {
  it('writes CSV with quoting, nested values as JSON and formula guards', () => {
    const csv = toCsv(
      ['A', 'B'],
      [
        ['x,y', { n: 1 }],
        ['=SUM(A1)', -5],
        [null, 'say "hi"'],
      ],
    );
    expect(csv).toBe('A,B\r\n"x,y","{""n"":1}"\r\n\'=SUM(A1),-5\r\n,"say ""hi"""\r\n');
  });

  it('writes JSON objects by column name', () => {
    expect(JSON.parse(toJson(['A', 'B'], [[1, null]]))).toEqual([{ A: 1, B: null }]);
  });

  it('names files safely', () => {
    expect(exportFileName('orders by min', 'csv', new Date(2026, 0, 2, 3, 4, 5))).toBe(
      'kappa-orders_by_min-20260102-030405.csv',
    );
  });
});
