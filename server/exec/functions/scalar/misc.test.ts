import { describe, expect, it } from 'vitest';
import { DOUBLE, INTEGER, STRING, array } from '../../../types/sql-type';
import { call, resolve } from '../testing';

describe('trigonometry', () => {
  it.each([
    ['SIN', Math.PI / 2, 1],
    ['COS', 0, 1],
    ['TAN', Math.PI / 4, 1],
    ['ASIN', 1, Math.PI / 2],
    ['ACOS', 1, 0],
    ['ATAN', 1, Math.PI / 4],
    ['SINH', 0, 0],
    ['COSH', 0, 1],
    ['TANH', 0, 0],
  ])('%s(%d) ≈ %d', (name, x, expected) =>
    expect(call(name, [DOUBLE], x) as number).toBeCloseTo(expected, 12),
  );

  it('returns NaN outside the domain and NULL for NULL', () => {
    expect(call('ACOS', [DOUBLE], 1.1)).toBeNaN();
    expect(call('ASIN', [INTEGER], -2)).toBeNaN();
    expect(call('SIN', [DOUBLE], null)).toBeNull();
  });
});

describe('NULL handling', () => {
  it.each([
    ['NULLIF', [INTEGER, INTEGER], [1, 1], null],
    ['NULLIF', [INTEGER, INTEGER], [1, 2], 1],
    ['NULLIF', [INTEGER, INTEGER], [null, 2], null],
    ['NULLIF', [INTEGER, INTEGER], [1, null], 1],
    ['IFNULL', [STRING, STRING], [null, 'x'], 'x'],
    ['IFNULL', [STRING, STRING], ['a', 'x'], 'a'],
    ['COALESCE', [INTEGER, INTEGER, INTEGER], [null, null, 3], 3],
    ['COALESCE', [array(INTEGER), array(INTEGER)], [null, [10, 20]], [10, 20]],
    ['COALESCE', [INTEGER], [null], null],
  ])('%s(%j) = %j', (name, types, args, expected) => expect(call(name, types, ...args)).toEqual(expected));
});

describe('AS_VALUE', () => {
  it('returns its argument with its type', () => {
    expect(resolve('AS_VALUE', INTEGER).returnType).toEqual(INTEGER);
    expect(call('AS_VALUE', [STRING], 'k')).toBe('k');
    expect(call('AS_VALUE', [STRING], null)).toBeNull();
  });
});
