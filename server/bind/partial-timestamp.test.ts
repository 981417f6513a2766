import { describe, expect, it } from 'vitest';
import { parsePartialTimestamp } from './partial-timestamp';

describe('parsePartialTimestamp', () => {
  it('reads full and partial datetimes as UTC', () => {
    expect(parsePartialTimestamp('2020-02-23T23:45:12.000')).toBe(Date.UTC(2020, 1, 23, 23, 45, 12));
    expect(parsePartialTimestamp('2020-02-22T23:45')).toBe(Date.UTC(2020, 1, 22, 23, 45));
    expect(parsePartialTimestamp('2020-02')).toBe(Date.UTC(2020, 1, 1));
    expect(parsePartialTimestamp('2020')).toBe(Date.UTC(2020, 0, 1));
    expect(parsePartialTimestamp('2020-02-24T24')).toBe(Date.UTC(2020, 1, 25));
    expect(parsePartialTimestamp('2020-02-29T24:00')).toBe(Date.UTC(2020, 2, 1));
    expect(parsePartialTimestamp('2020-02-23T23:45:12.5')).toBe(Date.UTC(2020, 1, 23, 23, 45, 12, 500));
  });

  it('applies a zone offset in any of its spellings', () => {
    const utc = Date.UTC(2020, 1, 23, 23, 45, 12);
    expect(parsePartialTimestamp('2020-02-23T22:45:12.000-0100')).toBe(utc);
    expect(parsePartialTimestamp('2020-02-24T00:45:12+01:00')).toBe(utc);
    expect(parsePartialTimestamp('2020-02-24T00:45:12+01')).toBe(utc);
    expect(parsePartialTimestamp('2020-02-23T23:45:12Z')).toBe(utc);
  });

  it('rejects text that is not a datetime or has fields out of range', () => {
    expect(() => parsePartialTimestamp('yesterday')).toThrow(/Failed to parse timestamp 'yesterday'/);
    expect(() => parsePartialTimestamp('2020-02-30')).toThrow(/out of range/);
    expect(() => parsePartialTimestamp('2020-02-03T24:01')).toThrow(/out of range/);
    expect(() => parsePartialTimestamp('2020-02-03T25')).toThrow(/out of range/);
  });
});
