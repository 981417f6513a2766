import { describe, expect, it } from 'vitest';
import { fitDecimalText, integerBitsOfText, parseJavaIntegerStrict } from './decimal-text';

const invalid = (): Error => new Error('not a number');

describe('fitDecimalText', () => {
  it.each([
    ['10.1', 4, 2, '10.10'],
    ['-0.5', 3, 2, '-0.50'],
    ['1e2', 5, 1, '100.0'],
    ['1.2300', 5, 2, '1.23'],
    ['0', 2, 2, '0.00'],
    ['+7', 1, 0, '7'],
    ['.25', 2, 2, '0.25'],
    ['0e999999999', 3, 1, '0.0'],
    ['12345678901234567890.123456789', 38, 9, '12345678901234567890.123456789'],
  ])('%s into DECIMAL(%i, %i) is %s', (text, p, s, expected) => {
    expect(fitDecimalText(text, p, s, invalid).toString()).toBe(expected);
  });

  it('refuses to round, with ksqlDB’s message', () => {
    expect(() => fitDecimalText('10.123', 4, 2, invalid)).toThrow(
      "Cannot fit decimal '10.123' into DECIMAL(4, 2) without rounding. (Requires 5,3)",
    );
    expect(() => fitDecimalText('1e-999999999', 4, 2, invalid)).toThrow('without rounding');
  });

  it('reports overflow, with ksqlDB’s message', () => {
    expect(() => fitDecimalText('100', 4, 2, invalid)).toThrow(
      'Numeric field overflow: A field with precision 4 and scale 2 must round to an absolute value less than 10^2. Got 100',
    );
    expect(() => fitDecimalText('1e999999999', 4, 2, invalid)).toThrow('Numeric field overflow');
  });

  it.each(['', ' 1', '1 ', 'abc', '1.2.3', '--1', 'e5', '.'])('rejects %j', (text) => {
    expect(() => fitDecimalText(text, 10, 2, invalid)).toThrow('not a number');
  });
});

describe('integerBitsOfText', () => {
  it.each([
    ['1.9', 32, 1],
    ['-1.9', 32, -1],
    ['4294967297', 32, 1],
    ['9223372036854775808', 64, -9223372036854775808],
    ['1e100', 64, 0],
    ['123e-5', 32, 0],
    ['0.000', 32, 0],
  ] as const)('%s as %i bits is %d', (text, bits, expected) => {
    expect(integerBitsOfText(text, bits)).toBe(expected);
  });
});

describe('parseJavaIntegerStrict', () => {
  it.each([
    ['42', 32, 42],
    ['+42', 32, 42],
    ['-2147483648', 32, -2147483648],
    ['2147483648', 32, undefined],
    ['2147483648', 64, 2147483648],
    [' 1', 32, undefined],
    ['1.0', 64, undefined],
    ['', 64, undefined],
  ] as const)('%j as %i bits is %s', (text, bits, expected) => {
    expect(parseJavaIntegerStrict(text, bits)).toBe(expected);
  });
});
