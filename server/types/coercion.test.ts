import { describe, expect, it } from 'vitest';
import {
  canCompare,
  canImplicitlyCast,
  commonSuperType,
  comparisonType,
  literalStringType,
  parseBooleanText,
  widerType,
} from './coercion';
import {
  BIGINT,
  BOOLEAN,
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
} from './sql-type';

describe('implicit casts', () => {
  it.each([
    [INTEGER, BIGINT, true],
    [INTEGER, decimal(2, 1), true],
    [BIGINT, DOUBLE, true],
    [decimal(5, 2), DOUBLE, true],
    [DOUBLE, BIGINT, false],
    [BIGINT, INTEGER, false],
    [STRING, INTEGER, false],
    [array(INTEGER), array(DOUBLE), true],
    [map(STRING, INTEGER), map(STRING, BIGINT), true],
    [map(STRING, DOUBLE), map(STRING, BIGINT), false],
    [
      struct([{ name: 'A', type: INTEGER }]),
      struct([
        { name: 'A', type: BIGINT },
        { name: 'B', type: STRING },
      ]),
      true,
    ],
  ])('%o → %o: %s', (from, to, ok) => expect(canImplicitlyCast(from, to)).toBe(ok));
});

describe('widerType', () => {
  it.each([
    [INTEGER, BIGINT, BIGINT],
    [BIGINT, DOUBLE, DOUBLE],
    [INTEGER, decimal(4, 2), decimal(12, 2)],
    [decimal(9, 2), decimal(7, 6), decimal(13, 6)],
    [array(INTEGER), array(BIGINT), array(BIGINT)],
  ])('%o, %o', (a, b, r) => expect(widerType(a, b)).toEqual(r));
  it('has no answer for unrelated types', () => {
    expect(widerType(STRING, INTEGER)).toBeUndefined();
    expect(
      widerType(struct([{ name: 'A', type: INTEGER }]), struct([{ name: 'A', type: STRING }])),
    ).toBeUndefined();
  });

  it('unites struct fields, widening the shared ones', () => {
    const a = struct([
      { name: 'X', type: INTEGER },
      { name: 'Y', type: INTEGER },
    ]);
    const b = struct([
      { name: 'Y', type: BIGINT },
      { name: 'Z', type: STRING },
    ]);
    expect(widerType(a, b)).toEqual(
      struct([
        { name: 'X', type: INTEGER },
        { name: 'Y', type: BIGINT },
        { name: 'Z', type: STRING },
      ]),
    );
  });
});

describe('commonSuperType', () => {
  it('widens non-literals and skips NULLs', () => {
    expect(commonSuperType([INTEGER, null, BIGINT])).toEqual({ kind: 'ok', type: BIGINT });
    expect(commonSuperType([null, null])).toEqual({ kind: 'all-null' });
    expect(commonSuperType([INTEGER, STRING])).toMatchObject({ kind: 'incompatible' });
  });

  it('applies the literal rules', () => {
    expect(commonSuperType([INTEGER, { type: STRING, literal: '2147483648' }])).toEqual({
      kind: 'ok',
      type: BIGINT,
    });
    expect(commonSuperType([BOOLEAN, { type: STRING, literal: 'Not a boolean' }])).toEqual({
      kind: 'incompatible',
      message: 'invalid input syntax for type BOOLEAN: "Not a boolean"',
    });
    expect(commonSuperType([STRING, { type: INTEGER, literal: 10 }])).toEqual({ kind: 'ok', type: STRING });
    expect(commonSuperType([TIMESTAMP, { type: STRING, literal: '2020-01-01' }])).toEqual({
      kind: 'ok',
      type: TIMESTAMP,
    });
    expect(commonSuperType([BOOLEAN, { type: INTEGER, literal: 10 }])).toMatchObject({
      message: 'operator does not exist: BOOLEAN = INTEGER',
    });
  });
});

describe('literal strings', () => {
  it.each([
    ['10', INTEGER, INTEGER],
    ['2147483648', INTEGER, BIGINT],
    ['1.5', INTEGER, decimal(11, 1)],
    ['1.25', decimal(4, 1), decimal(5, 2)],
    ['1e3', DOUBLE, DOUBLE],
    ['yes', BOOLEAN, BOOLEAN],
    ['12:30', TIME, TIME],
    ['2021-02-03', DATE, DATE],
  ])('%j for %o', (text, target, r) => expect(literalStringType(text, target)).toEqual(r));
  it('reports bad text', () => {
    expect(literalStringType('10 - not a number', BIGINT)).toBe(
      'invalid input syntax for type BIGINT: "10 - not a number"',
    );
    expect(literalStringType('x', TIMESTAMP)).toBe('invalid input syntax for type TIMESTAMP: "x"');
  });
  it('reads booleans leniently', () => {
    expect(['T', 'no', 'maybe'].map(parseBooleanText)).toEqual([true, false, undefined]);
  });
});

describe('comparisons', () => {
  it.each([
    [TIMESTAMP, STRING, false, true, TIMESTAMP],
    [DATE, TIMESTAMP, false, true, TIMESTAMP],
    [TIME, TIMESTAMP, false, false, undefined],
    [INTEGER, DOUBLE, false, true, DOUBLE],
    [BOOLEAN, INTEGER, true, false, undefined],
    [map(STRING, INTEGER), map(STRING, INTEGER), true, true, map(STRING, INTEGER)],
    [map(STRING, INTEGER), map(STRING, INTEGER), false, false, map(STRING, INTEGER)],
  ])('%o vs %o (equality only %s)', (l, r, eq, ok, type) => {
    expect(canCompare(l, r, eq)).toBe(ok);
    if (ok) expect(comparisonType(l, r)).toEqual(type);
  });
});
