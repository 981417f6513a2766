import { describe, expect, it } from 'vitest';
import { applyOverride, inferChart, type ChartShape } from './chart-inference';

const col = (name: string, type: string, key = false) => ({ name, type, ...(key ? { key: true } : {}) });

describe('inferChart', () => {
  it('draws a windowed aggregate as lines over WINDOWSTART, one per key', () => {
    const shape: ChartShape = {
      columns: [
        col('REGION', 'STRING', true),
        col('WINDOWSTART', 'BIGINT', true),
        col('WINDOWEND', 'BIGINT', true),
        col('TOTAL', 'DOUBLE'),
      ],
      mode: 'upsert',
      keyIndexes: [0, 1, 2],
    };
    expect(inferChart(shape)).toEqual({
      type: 'line',
      x: 'WINDOWSTART',
      y: ['TOTAL'],
      series: 'REGION',
      reason: 'WINDOWSTART is time, one line per REGION',
    });
  });

  it('uses ROWTIME or a TIMESTAMP column as time for streams', () => {
    const shape: ChartShape = {
      columns: [col('AT', 'TIMESTAMP'), col('PRICE', 'DECIMAL(10, 2)'), col('ID', 'BIGINT', true)],
      mode: 'append',
      keyIndexes: [2],
    };
    expect(inferChart(shape)).toMatchObject({ type: 'line', x: 'AT', y: ['PRICE'] });
  });

  it('draws bars by category when there is no time', () => {
    const shape: ChartShape = {
      columns: [col('ITEM', 'STRING', true), col('N', 'BIGINT')],
      mode: 'upsert',
      keyIndexes: [0],
    };
    expect(inferChart(shape)).toMatchObject({
      type: 'bar',
      x: 'ITEM',
      y: ['N'],
      reason: 'ITEM is a category with numbers: bars by ITEM',
    });
  });

  it('shows a single-row aggregate as a big number', () => {
    const shape: ChartShape = {
      columns: [col('TOTAL', 'BIGINT'), col('AVG', 'DOUBLE')],
      mode: 'upsert',
      keyIndexes: [],
    };
    expect(inferChart(shape)).toMatchObject({ type: 'number', y: ['TOTAL'] });
  });

  it('says so when nothing is numeric', () => {
    const shape: ChartShape = { columns: [col('NAME', 'STRING')], mode: 'append', keyIndexes: [] };
    expect(inferChart(shape)).toMatchObject({ type: 'none', reason: 'No numeric column to chart.' });
  });

  it('applies the user’s changes and ignores columns that are gone', () => {
    const shape: ChartShape = {
      columns: [col('ITEM', 'STRING', true), col('N', 'BIGINT'), col('M', 'INTEGER')],
      mode: 'upsert',
      keyIndexes: [0],
    };
    const inferred = inferChart(shape);
    expect(applyOverride(inferred, { type: 'line', y: ['M', 'GONE'] }, shape)).toMatchObject({
      type: 'line',
      y: ['M'],
      reason: 'Chosen by you',
    });
    expect(applyOverride(inferred, { x: 'GONE' }, shape)).toEqual(inferred);
  });
});
