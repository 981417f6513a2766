import { describe, expect, it } from 'vitest';
import { Decimal } from '../../../types/decimal';
import { BIGINT, DATE, DOUBLE, INTEGER, STRING, decimal } from '../../../types/sql-type';
import { call, resolve } from '../testing';

const I = INTEGER;
const L = BIGINT;
const D = DOUBLE;
const dec = (s: string): Decimal => Decimal.parse(s);

describe('math functions', () => {
  it.each([
    ['ABS', [I], [-3], 3],
    ['ABS', [I], [-2147483648], -2147483648],
    ['ABS', [D], [-3.5], 3.5],
    ['ABS', [I], [null], null],
    ['CEIL', [D], [1.1], 2],
    ['CEIL', [I], [7], 7],
    ['FLOOR', [D], [-1.1], -2],
    ['ROUND', [D], [1.5], 2],
    ['ROUND', [D], [-1.5], -1],
    ['ROUND', [D], [2.4], 2],
    ['ROUND', [D, I], [1.234567, 2], 1.23],
    ['ROUND', [D, I], [1.235, 2], 1.24],
    ['ROUND', [D, I], [-1.235, 2], -1.23],
    ['ROUND', [D, I], [1.2, -1], 0],
    ['ROUND', [D, I], [1234.5, -2], 1200],
    ['TRUNC', [D], [-1.7], -1],
    ['TRUNC', [D, I], [1.789, 2], 1.78],
    ['TRUNC', [D, I], [-1.789, 1], -1.7],
    ['SIGN', [D], [-0.5], -1],
    ['SIGN', [L], [0], 0],
    ['SQRT', [D], [-1], NaN],
    ['SQRT', [D], [9], 3],
    ['CBRT', [D], [-8], -2],
    ['EXP', [D], [0], 1],
    ['LN', [D], [0], -Infinity],
    ['LOG', [D], [Math.E], 1],
    ['LOG', [D, D], [1, 13], NaN],
    ['LOG', [D, D], [0, 13], NaN],
    ['LOG', [D, D], [2, 8], 3],
    ['LOG', [D, D], [15, -13], NaN],
    ['POWER', [D, D], [15, -1], 1 / 15],
    ['POWER', [D, D], [0, 0], 1],
    ['COT', [D], [0], Infinity],
    ['ATAN2', [D, D], [-2, 0], -Math.PI / 2],
    ['DEGREES', [D], [Math.PI], 180],
    ['RADIANS', [D], [180], Math.PI],
    ['PI', [], [], Math.PI],
  ])('%s(%j) = %d', (name, types, args, expected) => expect(call(name, types, ...args)).toBe(expected));

  it('widens integers to the DOUBLE-only functions', () => {
    const r = resolve('SQRT', I);
    expect(r.paramTypes).toEqual([D]);
    expect(r.returnType).toEqual(D);
  });

  it('keeps decimal types', () => {
    const t = decimal(4, 2);
    expect(resolve('ABS', t).returnType).toEqual(t);
    expect(call('ABS', [t], dec('-3.20'))).toEqual(dec('3.20'));
    expect(call('CEIL', [decimal(2, 1)], dec('1.1'))?.toString()).toBe('2.0');
    expect(call('FLOOR', [decimal(2, 1)], dec('-1.1'))?.toString()).toBe('-2.0');
    expect(call('SIGN', [t], dec('-0.01'))).toBe(-1);
  });

  it('rounds decimals like ksqlDB', () => {
    const t = decimal(33, 16);
    const v = dec('12345678987654321.2345678987654321');
    expect(resolve('ROUND', t).returnType).toEqual(decimal(17, 0));
    expect(call('ROUND', [t], v)?.toString()).toBe('12345678987654321');
    expect(resolve('ROUND', t, I).returnType).toEqual(t);
    expect(call('ROUND', [t, I], v, 2)?.toString()).toBe('12345678987654321.2300000000000000');
    expect(call('ROUND', [t, I], v, 10)?.toString()).toBe('12345678987654321.2345678988000000');
    expect(call('ROUND', [t, I], v, -2)?.toString()).toBe('12345678987654300.0000000000000000');
    expect(call('TRUNC', [decimal(12, 7)], dec('1.7000000'))?.toString()).toBe('1');
    expect(call('TRUNC', [decimal(12, 7), I], dec('1.2345670'), 2)?.toString()).toBe('1.2300000');
  });

  it('produces RANDOM values in [0, 1)', () => {
    const r = resolve('RANDOM');
    expect(r.nondeterministic).toBe(true);
    const v = r.invoke() as number;
    expect(v >= 0 && v < 1).toBe(true);
  });
});

describe('GREATEST and LEAST', () => {
  it.each([
    ['GREATEST', [I, I, null, I], [1, 5, null, 3], 5],
    ['LEAST', [I, I, null, I], [1, 5, null, 3], 1],
    ['GREATEST', [STRING, STRING], ['apple', 'zebra'], 'zebra'],
    ['GREATEST', [I, I], [null, null], null],
  ])('%s(%j) = %j', (name, types, args, expected) => expect(call(name, types, ...args)).toBe(expected));

  it('widens numbers to DOUBLE, and decimals to a common decimal', () => {
    expect(resolve('GREATEST', I, L, decimal(30, 18), D).returnType).toEqual(D);
    expect(resolve('GREATEST', decimal(9, 2), decimal(7, 6)).returnType).toEqual(decimal(13, 6));
    expect(resolve('GREATEST', DATE, STRING).returnType).toEqual(DATE);
  });

  it("finds mixed INT, BIGINT and DECIMAL ambiguous, as ksqlDB's per-type overloads do", () => {
    expect(() => resolve('GREATEST', I, L)).toThrow(
      "Function 'greatest' cannot be resolved due to ambiguous method parameters (INTEGER, BIGINT).",
    );
    expect(() => resolve('LEAST', I, decimal(5, 1))).toThrow("Function 'least' cannot be resolved");
  });

  it('reports what ksqlDB reports', () => {
    expect(() => resolve('greatest', STRING, I)).toThrow(
      "Function 'greatest' does not accept parameters (STRING, INTEGER).",
    );
    expect(() => resolve('greatest')).toThrow("Function 'greatest' does not accept parameters ().");
    expect(() => resolve('greatest', null, null)).toThrow(
      "Function 'greatest' cannot be resolved due to ambiguous method parameters (null, null).",
    );
  });
});

describe('GEO_DISTANCE', () => {
  it('computes haversine distances in km and miles', () => {
    const km = call('GEO_DISTANCE', [D, D, D, D], 37.4439, -122.1663, 51.5257, -0.1122) as number;
    expect(km).toBeCloseTo(8634.6598, 3);
    const mi = call(
      'GEO_DISTANCE',
      [D, D, D, D, STRING],
      37.4439,
      -122.1663,
      51.5257,
      -0.1122,
      'MI',
    ) as number;
    expect(mi).toBeCloseTo(5365.66, 1);
    expect(call('GEO_DISTANCE', [D, D, D, D, STRING], 37.4439, -122.1663, 51.5257, -0.1122, null)).toBe(km);
    expect(call('GEO_DISTANCE', [D, D, D, D, STRING], null, 0, 0, 0, 'KM')).toBeNull();
    expect(() => call('GEO_DISTANCE', [D, D, D, D, STRING], 0, 0, 0, 0, 'parsecs')).toThrow();
    expect(() => call('GEO_DISTANCE', [D, D, D, D], 91, 0, 0, 0)).toThrow();
  });
});
