import { describe, expect, it } from 'vitest';
import {
  Decimal,
  decimalAddShape,
  decimalDivideShape,
  decimalModuloShape,
  decimalMultiplyShape,
  fitDecimal,
  type RoundingMode,
} from './decimal';

const d = (s: string): Decimal => Decimal.parse(s);

describe('Decimal parsing and printing', () => {
  it.each([
    ['1.10', '1.10', 2],
    ['-0.5', '-0.5', 1],
    ['.25', '0.25', 2],
    ['7.', '7', 0],
    ['  42 ', '42', 0],
    ['1e3', '1000', 0],
    ['1.5E-3', '0.0015', 4],
    ['-0.000', '0.000', 3],
    ['+3.14', '3.14', 2],
  ])('parse(%j) prints %j at scale %i', (text, printed, scale) => {
    const v = d(text);
    expect(v.toString()).toBe(printed);
    expect(v.scale).toBe(scale);
  });

  it.each(['', '.', 'abc', '1.2.3', '1e', '--1'])('rejects %j', (text) => {
    expect(() => d(text)).toThrow();
    expect(Decimal.tryParse(text)).toBeNull();
  });

  it.each([
    [0.1, '0.1'],
    [12, '12'],
    [-2.5, '-2.5'],
    [1.2345678987654322e16, '12345678987654322'],
    [1e21, '1000000000000000000000'],
  ])('fromNumber(%d) is %j', (n, s) => expect(Decimal.fromNumber(n).toString()).toBe(s));

  it('rejects non-finite numbers', () => expect(() => Decimal.fromNumber(NaN)).toThrow());
  it('converts to number', () => expect(d('-12.75').toNumber()).toBe(-12.75));
});

describe('Decimal arithmetic', () => {
  it.each([
    ['1.10', '2.005', 'add', '3.105'],
    ['1.10', '2.005', 'subtract', '-0.905'],
    ['1.5', '-2.25', 'multiply', '-3.375'],
    ['7.5', '2', 'remainder', '1.5'],
    ['-7.5', '2', 'remainder', '-1.5'],
  ] as const)('%s %s %s = %s', (a, b, op, r) => expect(d(a)[op](d(b)).toString()).toBe(r));

  it.each([
    ['1', '3', 6, '0.333333'],
    ['2', '3', 6, '0.666667'],
    ['-2', '3', 2, '-0.67'],
    ['10.00', '4', 1, '2.5'],
    ['1', '8', 2, '0.13'],
  ])('%s / %s at scale %i = %s', (a, b, scale, r) => expect(d(a).divide(d(b), scale).toString()).toBe(r));

  it('throws on division by zero', () => {
    expect(() => d('1').divide(d('0.0'), 2)).toThrow('Division by zero');
    expect(() => d('1').remainder(d('0'))).toThrow('Division by zero');
  });

  it('offers modulo and compare as aliases', () => {
    expect(d('7.5').modulo(d('2')).toString()).toBe('1.5');
    expect(d('1.0').compare(d('1.00'))).toBe(0);
  });

  it('negates, abs, signum', () => {
    expect(d('1.20').negate().toString()).toBe('-1.20');
    expect(d('-1.20').abs().toString()).toBe('1.20');
    expect([d('-3').signum(), d('0.00').signum(), d('2').signum()]).toEqual([-1, 0, 1]);
  });
});

describe('Decimal rounding', () => {
  const cases: [string, number, RoundingMode, string][] = [
    ['1.25', 1, 'HALF_UP', '1.3'],
    ['-1.25', 1, 'HALF_UP', '-1.3'],
    ['1.25', 1, 'HALF_EVEN', '1.2'],
    ['1.35', 1, 'HALF_EVEN', '1.4'],
    ['1.25', 1, 'HALF_DOWN', '1.2'],
    ['1.21', 1, 'UP', '1.3'],
    ['1.29', 1, 'DOWN', '1.2'],
    ['-1.21', 1, 'FLOOR', '-1.3'],
    ['-1.29', 1, 'CEILING', '-1.2'],
    ['2', 3, 'HALF_UP', '2.000'],
  ];
  it.each(cases)('setScale(%s, %i, %s) = %s', (v, s, m, r) => expect(d(v).setScale(s, m).toString()).toBe(r));

  it.each([
    ['1234.5', -2, '1200'],
    ['1250', -2, '1300'],
    ['-1250', -2, '-1300'],
    ['1.2345', 2, '1.23'],
    ['12345678987654321.2345678987654321', -1, '12345678987654320'],
  ])('round(%s, %i) = %s', (v, p, r) => expect(d(v).round(p).toString()).toBe(r));
});

describe('Decimal comparison and precision', () => {
  it('compares numerically, ignoring scale', () => {
    expect(d('1.0').equals(d('1.000'))).toBe(true);
    expect(d('1.01').compareTo(d('1.1'))).toBe(-1);
    expect(d('-2').compareTo(d('-10'))).toBe(1);
    expect(d('1.500').key()).toBe(d('1.5').key());
  });

  it.each([
    ['0', 1],
    ['0.05', 1],
    ['123.45', 5],
    ['-99', 2],
  ])('precision(%s) = %i', (v, p) => expect(d(v).precision()).toBe(p));

  it('checks whether a value fits a precision', () => {
    expect(d('99.99').fitsPrecision(4)).toBe(true);
    expect(d('100.00').fitsPrecision(4)).toBe(false);
  });

  it('fits values to DECIMAL(p, s) rounding half up, failing on overflow', () => {
    expect(fitDecimal(d('1.005'), 4, 2).toString()).toBe('1.01');
    expect(() => fitDecimal(d('100.0'), 4, 2)).toThrow(/Numeric field overflow/);
  });
});

describe('decimal result shapes', () => {
  const a = { precision: 4, scale: 2 };
  const b = { precision: 5, scale: 1 };
  it.each([
    ['add', decimalAddShape(a, b), { precision: 7, scale: 2 }],
    ['multiply', decimalMultiplyShape(a, b), { precision: 10, scale: 3 }],
    ['divide', decimalDivideShape(a, b), { precision: 11, scale: 8 }],
    ['modulo', decimalModuloShape(a, b), { precision: 4, scale: 2 }],
  ])('%s', (_name, got, want) => expect(got).toEqual(want));
});
