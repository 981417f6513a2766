import { describe, expect, it } from 'vitest';
import { compactNumber, formatCell, formatElapsed } from './format-value';

describe('formatCell', () => {
  it('shows times, nested values and nulls', () => {
    expect(formatCell(0, { name: 'WINDOWSTART', type: 'BIGINT' })).toEqual({
      text: '1970-01-01 00:00:00.000',
      kind: 'time',
    });
    expect(formatCell(1, { name: 'D', type: 'DATE' }).text).toBe('1970-01-02');
    expect(formatCell({ a: [1] }, { name: 'S', type: 'STRUCT<A ARRAY<INT>>' })).toEqual({
      text: '{"a":[1]}',
      kind: 'nested',
    });
    expect(formatCell(null, { name: 'X', type: 'STRING' }).kind).toBe('null');
    expect(formatCell(3.5, { name: 'X', type: 'DOUBLE' })).toEqual({ text: '3.5', kind: 'number' });
  });

  it('formats status numbers and durations', () => {
    expect(compactNumber(12_400)).toBe('12.4k');
    expect(compactNumber(51_230)).toBe('51.2k');
    expect(compactNumber(999)).toBe('999');
    expect(compactNumber(2_500_000)).toBe('2.5M');
    expect(formatElapsed(42_000)).toBe('00:42');
    expect(formatElapsed(3_725_000)).toBe('1:02:05');
  });
});
