import { describe, expect, it } from 'vitest';
import { jsonDifference, numbersEqual } from './json-compare';
import { readJson } from './qtt-json';

const diff = (expected: string, actual: string): string | undefined =>
  jsonDifference(readJson(expected), readJson(actual));

describe('numbersEqual', () => {
  it('compares by value, whatever the scale or notation', () => {
    expect(numbersEqual('1', '1.0')).toBe(true);
    expect(numbersEqual('1.50', '1.5')).toBe(true);
    expect(numbersEqual('1.0E10', '10000000000')).toBe(true);
    expect(numbersEqual('-0.0', '0')).toBe(true);
    expect(numbersEqual('005.4', '5.4')).toBe(true);
    expect(numbersEqual('1', '2')).toBe(false);
  });

  it('is exact for long numbers that a double would round', () => {
    expect(numbersEqual('9223372036854775807', '9223372036854775807')).toBe(true);
    expect(numbersEqual('9223372036854775807', '9223372036854775808')).toBe(false);
    expect(numbersEqual('12345678901234567890.123', '12345678901234567890.124')).toBe(false);
  });
});

describe('jsonDifference', () => {
  it('ignores field order and upper-cases expected names as ksqlDB does', () => {
    expect(diff('{"a": 1, "B": "x"}', '{"B": "x", "A": 1.0}')).toBeUndefined();
  });

  it('names the first differing path', () => {
    expect(diff('{"A": {"B": [1, 2]}}', '{"A": {"B": [1, 3]}}')).toBe('.A.B[1]: expected 2, got 3');
    expect(diff('[1, 2]', '[1]')).toBe('value: expected 2 elements, got 1 ([1])');
  });

  it('requires the same number of fields, naming extra ones', () => {
    expect(diff('{"A": 1}', '{"A": 1, "B": 2}')).toBe('value: expected 1 fields, got 2 (unexpected B)');
  });

  it('reads a missing field as null, like ksqlDB', () => {
    expect(diff('{"A": null, "B": 1}', '{"B": 1, "C": null}')).toBeUndefined();
    expect(diff('{"A": 1}', '{"C": 1}')).toBe('.A: expected 1, got null');
  });

  it('matches an expected numeric string with an actual number (DECIMAL results)', () => {
    expect(diff('{"SUM": "005.4"}', '{"SUM": 5.40}')).toBeUndefined();
    expect(diff('{"S": "1"}', '{"S": 1}')).toBeUndefined();
    expect(diff('{"S": 1}', '{"S": "1"}')).toBe('.S: expected 1, got "1"');
  });

  it('tells null, tombstones and types apart', () => {
    expect(diff('null', 'null')).toBeUndefined();
    expect(diff('null', '{"A": 1}')).toBe('value: expected null, got {"A":1}');
    expect(diff('{"A": true}', '{"A": "true"}')).toBe('.A: expected true, got "true"');
  });
});
