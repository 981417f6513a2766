import { describe, expect, it } from 'vitest';
import { topicDifference, type ActualRecord } from './compare-records';
import { JsonNumber, readJson } from './qtt-json';
import type { QttRecord } from './qtt-schema';

const rec = (r: Omit<QttRecord, 'topic'>): QttRecord => ({ topic: 'OUT', ...r });
const act = (r: Partial<ActualRecord>): ActualRecord => ({
  key: null,
  value: null,
  timestamp: 0,
  headers: [],
  ...r,
});
const n = (text: string): JsonNumber => new JsonNumber(text);
const check = (e: QttRecord[], a: ActualRecord[], noInputs = false): string | undefined =>
  topicDifference('OUT', e, a, { noInputs })?.text;

describe('topicDifference', () => {
  it('passes equal records and ignores a missing expected timestamp', () => {
    expect(
      check(
        [rec({ key: n('1'), value: readJson('{"A": 1}') })],
        [act({ key: n('1'), value: readJson('{"A": 1.0}'), timestamp: 42 })],
      ),
    ).toBeUndefined();
  });

  it('compares timestamps when given, except 0 in cases without inputs (INSERT VALUES)', () => {
    expect(check([rec({ timestamp: 5 })], [act({ timestamp: 6 })])).toBe(
      'OUT[0] timestamp: expected 5, got 6',
    );
    expect(check([rec({ timestamp: 0 })], [act({ timestamp: 123 })], true)).toBeUndefined();
    expect(check([rec({ timestamp: 0 })], [act({ timestamp: 123 })], false)).toBe(
      'OUT[0] timestamp: expected 0, got 123',
    );
  });

  it('matches tombstones', () => {
    expect(check([rec({ key: n('3'), value: null })], [act({ key: n('3'), value: null })])).toBeUndefined();
    expect(check([rec({ key: n('3'), value: null })], [act({ key: n('3'), value: readJson('{}') })])).toBe(
      'OUT[0] value: expected null, got {}',
    );
  });

  it('matches windowed keys on window bounds and type', () => {
    const window = { start: 0, end: 1000, type: 'time' };
    expect(check([rec({ key: n('1'), window })], [act({ key: n('1'), window })])).toBeUndefined();
    expect(
      check([rec({ key: n('1'), window })], [act({ key: n('1'), window: { ...window, start: 1 } })]),
    ).toBe('OUT[0] window: expected time [0, 1000), got time [1, 1000)');
    expect(
      check([rec({ key: n('1') })], [act({ key: n('1'), window: { start: 0, end: 5, type: 'session' } })]),
    ).toBe('OUT[0] window: expected an unwindowed key, got session [0, 5)');
  });

  it('compares headers (base64), and expects none when the record lists none', () => {
    const headers = [{ KEY: 'abc', VALUE: 'IQ==' }];
    expect(check([rec({ headers })], [act({ headers })])).toBeUndefined();
    expect(
      check([rec({ headers: [{ KEY: 'k', VALUE: null }] })], [act({ headers: [{ KEY: 'k', VALUE: null }] })]),
    ).toBeUndefined();
    expect(check([rec({})], [act({ headers })])).toBe('OUT[0] headers: expected [], got [abc=IQ==]');
  });

  it('reports count mismatches with the first difference or the first extra/missing record', () => {
    expect(check([rec({ key: n('1') }), rec({ key: n('2') })], [act({ key: n('1') })])).toBe(
      'OUT: expected 2 records, got 1; first missing: key 2 value null',
    );
    expect(check([rec({ key: n('1') })], [act({ key: n('9') }), act({ key: n('1') })])).toBe(
      'OUT: expected 1 records, got 2; OUT[0] key: expected 1, got 9',
    );
    expect(topicDifference('OUT', [], [act({ value: 'x' })], { noInputs: false })?.aspect).toBe(
      'more records',
    );
  });
});
