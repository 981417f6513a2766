import { describe, expect, it } from 'vitest';
import {
  addBigint,
  arithmeticFunction,
  arithmeticResultType,
  addInt,
  divideBigint,
  divideDecimal,
  divideInt,
  moduloBigint,
  moduloInt,
  multiplyBigint,
  multiplyInt,
  negateInt,
  subtractInt,
  toInt32,
} from './arithmetic';
import { Decimal } from './decimal';
import { BIGINT, BOOLEAN, DOUBLE, INTEGER, STRING, decimal } from './sql-type';

describe('INTEGER arithmetic wraps at 32 bits', () => {
  it.each([
    [addInt, 2147483647, 1, -2147483648],
    [subtractInt, -2147483648, 1, 2147483647],
    [multiplyInt, 65536, 65536, 0],
    [multiplyInt, 46341, 46341, -2147479015],
    [divideInt, 7, 2, 3],
    [divideInt, -7, 2, -3],
    [divideInt, -2147483648, -1, -2147483648],
    [moduloInt, -7, 2, -1],
    [moduloInt, 7, -2, 1],
  ])('%o(%i, %i) = %i', (fn, a, b, r) => expect(fn(a, b)).toBe(r));

  it('throws on division by zero like Java', () => {
    expect(() => divideInt(1, 0)).toThrow('/ by zero');
    expect(() => moduloInt(1, 0)).toThrow('/ by zero');
    expect(() => divideBigint(1, 0)).toThrow('/ by zero');
    expect(() => moduloBigint(1, 0)).toThrow('/ by zero');
  });

  it('negates and narrows', () => {
    expect(negateInt(-2147483648)).toBe(-2147483648);
    expect(negateInt(5)).toBe(-5);
    expect(toInt32(2147483648)).toBe(-2147483648);
    expect(toInt32(2 ** 40 + 5)).toBe(5);
  });
});

describe('BIGINT arithmetic', () => {
  it('is exact in the safe range and wraps at 64 bits beyond', () => {
    expect(addBigint(2 ** 52, 2 ** 52)).toBe(2 ** 53);
    expect(multiplyBigint(3_000_000_000, 3)).toBe(9_000_000_000);
    expect(multiplyBigint(2 ** 62, 4)).toBe(0);
    expect(divideBigint(-9, 2)).toBe(-4);
    expect(divideBigint(2 ** 60, 3)).toBe(Number(2n ** 60n / 3n));
    expect(Object.is(moduloBigint(-4, 2), 0)).toBe(true);
  });
});

describe('DECIMAL arithmetic', () => {
  it('divides to the derived scale, rounding half up', () => {
    const r = divideDecimal(Decimal.parse('10.0'), Decimal.parse('3'), { precision: 9, scale: 6 });
    expect(r.toString()).toBe('3.333333');
  });
});

describe('arithmetic result types and operations', () => {
  it.each([
    ['+', INTEGER, INTEGER, INTEGER],
    ['*', INTEGER, BIGINT, BIGINT],
    ['/', BIGINT, DOUBLE, DOUBLE],
    ['+', decimal(4, 2), INTEGER, decimal(13, 2)],
    ['/', decimal(4, 2), decimal(5, 1), decimal(11, 8)],
    ['+', STRING, STRING, STRING],
    ['-', STRING, STRING, undefined],
    ['+', BOOLEAN, INTEGER, undefined],
  ] as const)('%s on %o and %o', (op, l, r, t) => expect(arithmeticResultType(op, l, r)).toEqual(t));

  it('runs the operation for the result type, NULL in NULL out', () => {
    expect(arithmeticFunction('+', INTEGER)(2147483647, 1)).toBe(-2147483648);
    expect(arithmeticFunction('/', BIGINT)(7, 2)).toBe(3);
    expect(arithmeticFunction('/', DOUBLE)(1, 0)).toBe(Infinity);
    expect(arithmeticFunction('+', STRING)('a', 'b')).toBe('ab');
    expect(arithmeticFunction('*', INTEGER)(null, 2)).toBeNull();
    const t = arithmeticResultType('/', decimal(3, 1), INTEGER)!;
    expect(String(arithmeticFunction('/', t)(Decimal.parse('10.0'), 3))).toBe('3.333333333333');
    expect(() => arithmeticFunction('%', INTEGER)(1, 0)).toThrow('/ by zero');
  });
});
