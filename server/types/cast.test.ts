import { describe, expect, it } from 'vitest';
import { canCast, castValue, compileCast, javaDoubleToInteger, javaString } from './cast';
import { Decimal } from './decimal';
import { formatDouble, parseJavaDouble, parseJavaInteger } from './java-format';
import {
  BIGINT,
  BOOLEAN,
  BYTES,
  DATE,
  DOUBLE,
  INTEGER,
  STRING,
  TIME,
  TIMESTAMP,
  array,
  decimal,
  map,
  struct,
  type SqlType,
} from './sql-type';

const d = (s: string): Decimal => Decimal.parse(s);

describe('Java number text', () => {
  it.each([
    [1, '1.0'],
    [-0, '-0.0'],
    [0.001, '0.001'],
    [0.0001, '1.0E-4'],
    [1234567, '1234567.0'],
    [12345678, '1.2345678E7'],
    [1e10, '1.0E10'],
    [3.14, '3.14'],
    [4.9e-324, '4.9E-324'],
    [1.7976931348623157e308, '1.7976931348623157E308'],
    [NaN, 'NaN'],
    [-Infinity, '-Infinity'],
  ])('formatDouble(%d) = %s', (v, s) => expect(formatDouble(v)).toBe(s));

  it('parses like Java', () => {
    expect(parseJavaDouble(' 1.5 ')).toBe(1.5);
    expect(parseJavaDouble('1e3')).toBe(1000);
    expect(parseJavaDouble('2d')).toBe(2);
    expect(parseJavaDouble('-Infinity')).toBe(-Infinity);
    expect(() => parseJavaDouble('1.2.3')).toThrow('For input string');
    expect(parseJavaInteger(' 42 ', 32)).toBe(42);
    expect(() => parseJavaInteger('2147483648', 32)).toThrow();
    expect(parseJavaInteger('2147483648', 64)).toBe(2147483648);
    expect(() => parseJavaInteger('1.0', 64)).toThrow();
  });
});

describe('castValue', () => {
  const cases: [unknown, SqlType, SqlType, unknown][] = [
    [' 12 ', STRING, INTEGER, 12],
    ['-5', STRING, BIGINT, -5],
    ['1.5e2', STRING, DOUBLE, 150],
    ['1.005', STRING, decimal(4, 2), d('1.01')],
    [1.9, DOUBLE, INTEGER, 1],
    [-1.9, DOUBLE, BIGINT, -1],
    [1e20, DOUBLE, INTEGER, 2147483647],
    [NaN, DOUBLE, INTEGER, 0],
    [2147483648, BIGINT, INTEGER, -2147483648],
    [d('-12.99'), decimal(4, 2), INTEGER, -12],
    [d('12.5'), decimal(3, 1), DOUBLE, 12.5],
    [7, INTEGER, decimal(5, 2), d('7.00')],
    [1.25, DOUBLE, decimal(3, 1), d('1.3')],
    [d('1.25'), decimal(3, 2), decimal(4, 1), d('1.3')],
    ['tr', STRING, BOOLEAN, true],
    ['YES', STRING, BOOLEAN, true],
    ['nope', STRING, BOOLEAN, false],
    [1, INTEGER, STRING, '1'],
    [1, DOUBLE, STRING, '1.0'],
    [1e10, DOUBLE, STRING, '1.0E10'],
    [d('1.10'), decimal(3, 2), STRING, '1.10'],
    [true, BOOLEAN, STRING, 'true'],
    [10, TIMESTAMP, STRING, '1970-01-01T00:00:00.010'],
    [-1, DATE, STRING, '1969-12-31'],
    [5000, TIME, STRING, '00:00:05'],
    ['foo', STRING, TIMESTAMP, null],
    ['1970-01-01T00:00:01', STRING, TIMESTAMP, 1000],
    ['1970-01', STRING, DATE, 0],
    ['00:01', STRING, TIME, 60000],
    [86400100, TIMESTAMP, DATE, 1],
    [-2000, TIMESTAMP, DATE, -1],
    [86400100, TIMESTAMP, TIME, 100],
    [2, DATE, TIMESTAMP, 172800000],
    [['1', '2'], array(STRING), array(INTEGER), [1, 2]],
    [[1, null], array(INTEGER), array(STRING), ['1', null]],
    [new Map([['a', 1]]), map(STRING, INTEGER), map(STRING, DOUBLE), new Map([['a', 1]])],
    [
      { A: 1, B: 'x' },
      struct([
        { name: 'A', type: INTEGER },
        { name: 'B', type: STRING },
      ]),
      struct([
        { name: 'A', type: STRING },
        { name: 'C', type: INTEGER },
      ]),
      { A: '1', C: null },
    ],
    [[1, 2], array(INTEGER), STRING, '[1, 2]'],
    [new Map([['a', 1.5]]), map(STRING, DOUBLE), STRING, '{a=1.5}'],
    [
      { A: 1, B: null },
      struct([
        { name: 'A', type: INTEGER },
        { name: 'B', type: STRING },
      ]),
      STRING,
      'Struct{A=1}',
    ],
    [null, INTEGER, STRING, null],
  ];
  it.each(cases)('%o as %o → %o', (v, from, to, expected) =>
    expect(castValue(v, from, to)).toEqual(expected),
  );

  it.each([
    ['abc', STRING, INTEGER, 'For input string'],
    ['1.5', STRING, INTEGER, 'For input string'],
    ['x', STRING, decimal(3, 1), 'Cannot cast'],
    [1000, INTEGER, decimal(3, 1), 'Numeric field overflow'],
  ])('%o as %o throws', (v, from, to, message) =>
    expect(() => castValue(v, from, to)).toThrow(message as string),
  );

  it('knows which casts exist', () => {
    expect(canCast(BOOLEAN, INTEGER)).toBe(false);
    expect(canCast(INTEGER, BOOLEAN)).toBe(false);
    expect(canCast(TIME, DATE)).toBe(false);
    expect(canCast(BYTES, STRING)).toBe(true);
    expect(canCast(array(INTEGER), array(BOOLEAN))).toBe(false);
    expect(canCast(map(STRING, STRING), map(STRING, BIGINT))).toBe(true);
    expect(() => compileCast(BOOLEAN, DOUBLE)).toThrow('Cast of BOOLEAN to DOUBLE is not supported');
  });

  it('truncates and saturates doubles like Java', () => {
    expect(javaDoubleToInteger(-0.5, 32)).toBe(0);
    expect(javaDoubleToInteger(-1e300, 32)).toBe(-2147483648);
  });

  it('prints nested values', () => {
    expect(javaString([[1.0]], array(array(DOUBLE)))).toBe('[[1.0]]');
  });
});
