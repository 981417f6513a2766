import { describe, expect, it } from 'vitest';
import {
  compareNullsFirst,
  compareNullsLast,
  compareValues,
  hashKey,
  isOrderable,
  sqlCompare,
  sqlEquals,
  valuesEqual,
} from './compare';
import { Decimal } from './decimal';

const b = (...xs: number[]): Uint8Array => Uint8Array.from(xs);

describe('compareValues', () => {
  it.each([
    [1, 2, -1],
    [2.5, 2.5, 0],
    ['a', 'B', 1],
    ['apple', 'apples', -1],
    [false, true, -1],
    [Decimal.parse('1.10'), Decimal.parse('1.1'), 0],
    [Decimal.parse('1.5'), 2, -1],
    [b(1, 200), b(1, 3), 1],
    [b(1), b(1, 0), -1],
    [[1, 2], [1, 3], -1],
    [[1, null], [1, 2], 1],
    [NaN, 1, 1],
  ])('%o vs %o', (x, y, r) => expect(compareValues(x, y)).toBe(r));

  it('refuses maps and structs', () => {
    expect(() => compareValues(new Map(), new Map())).toThrow('Cannot compare MAP');
    expect(() => compareValues({ A: 1 }, { A: 1 })).toThrow();
  });

  it('orders nulls where asked', () => {
    expect([3, null, 1].sort(compareNullsLast)).toEqual([1, 3, null]);
    expect([3, null, 1].sort(compareNullsFirst)).toEqual([null, 1, 3]);
  });
});

describe('equality', () => {
  it.each([
    [1, 1, true],
    [null, null, true],
    [null, 1, false],
    [Decimal.parse('2.0'), Decimal.parse('2'), true],
    [b(1, 2), b(1, 2), true],
    [[1, [2, 3]], [1, [2, 3]], true],
    [new Map([['a', 1]]), new Map([['a', 1]]), true],
    [new Map([['a', 1]]), new Map([['a', 2]]), false],
    [{ A: 1, B: null }, { A: 1, B: null }, true],
    [{ A: 1 }, { B: 1 }, false],
  ])('%o = %o is %s', (x, y, r) => expect(valuesEqual(x, y)).toBe(r));

  it('returns NULL for SQL comparisons with NULL', () => {
    expect(sqlEquals(null, 1)).toBeNull();
    expect(sqlEquals(1, 1)).toBe(true);
    expect(sqlCompare(1, null)).toBeNull();
    expect(sqlCompare(3, 1)).toBe(1);
  });

  it('builds equal hash keys for equal values', () => {
    expect(hashKey([1, 'a'])).toBe(hashKey([1, 'a']));
    expect(hashKey(Decimal.parse('1.50'))).toBe(hashKey(Decimal.parse('1.5')));
    expect(hashKey(['1'])).not.toBe(hashKey([1]));
    expect(hashKey('x')).toBe('x');
    expect(hashKey({ A: b(1) })).toBe(hashKey({ A: b(1) }));
    // maps and structs are equal regardless of entry order
    expect(
      hashKey(
        new Map([
          ['a', 1],
          ['b', 2],
        ]),
      ),
    ).toBe(
      hashKey(
        new Map([
          ['b', 2],
          ['a', 1],
        ]),
      ),
    );
    expect(hashKey({ A: 1, B: 2 })).toBe(hashKey({ B: 2, A: 1 }));
    expect(
      hashKey(
        new Map([
          ['a', 1],
          ['b', 2],
        ]),
      ),
    ).toBe(
      hashKey(
        new Map([
          ['b', 2],
          ['a', 1],
        ]),
      ),
    );
    expect(hashKey({ A: 1, B: 2 })).toBe(hashKey({ B: 2, A: 1 }));
  });
});

describe('orderability', () => {
  it('orders primitives and arrays of them, not maps or structs', () => {
    expect(isOrderable({ kind: 'INTEGER' })).toBe(true);
    expect(isOrderable({ kind: 'ARRAY', element: { kind: 'STRING' } })).toBe(true);
    expect(isOrderable({ kind: 'MAP', key: { kind: 'STRING' }, value: { kind: 'STRING' } })).toBe(false);
    expect(isOrderable({ kind: 'ARRAY', element: { kind: 'STRUCT', fields: [] } })).toBe(false);
  });
});
