import { describe, expect, it } from 'vitest';
import { parseExpression } from '../sql';
import { BIGINT, DOUBLE, INTEGER, STRING, decimal, formatType, type SqlType } from '../types/sql-type';
import { bindExpression } from './bind-expression';
import type { BoundExpr } from './bound-expr';
import { Scope } from './scope';

const columns: [string, SqlType][] = [
  ['I', INTEGER],
  ['L', BIGINT],
  ['D', DOUBLE],
  ['S', STRING],
  ['DEC', decimal(6, 3)],
  ['AI', { kind: 'ARRAY', element: INTEGER }],
  ['ST', { kind: 'STRUCT', fields: [{ name: 'X', type: BIGINT }] }],
];
const scope = new Scope(
  columns.map(([name, type], index) => ({ index, name, type, qualifiers: ['T'] })),
  ['T'],
);

function bind(text: string): BoundExpr {
  const { expression } = parseExpression(text);
  if (!expression) throw new Error(`cannot parse ${text}`);
  return bindExpression(expression, { scope, types: () => undefined });
}

function inTypes(text: string): string[] {
  const b = bind(text);
  if (b.kind !== 'In') throw new Error('not IN');
  return [b.value, ...b.list].map((x) => (x.type ? formatType(x.type) : 'null'));
}

describe('IN resolves one type for the value and every item, left to right', () => {
  it('widens numbers to the widest of all items, columns included', () => {
    expect(inTypes('I IN (1, 2.5, L)')).toEqual(Array(4).fill('DECIMAL(20, 1)'));
    expect(inTypes('I IN (L, D)')).toEqual(['DOUBLE', 'DOUBLE', 'DOUBLE']);
    expect(inTypes('DEC IN (I)')).toEqual(['DECIMAL(13, 3)', 'DECIMAL(13, 3)']);
  });

  it('lets a numeric string literal pick a wider type than the column', () => {
    expect(inTypes("I IN (1, '3000000000')")).toEqual(['BIGINT', 'BIGINT', 'BIGINT']);
    const b = bind("I IN (1, '3000000000')");
    expect(b.kind === 'In' && b.list[1]).toMatchObject({ kind: 'Literal', value: 3000000000 });
  });

  it('turns any scalar literal into text next to a STRING, but not a column', () => {
    const b = bind('S IN (true, 10, 1.50)');
    expect(b.kind === 'In' && b.list.map((x) => x.kind === 'Literal' && x.value)).toEqual([
      'true',
      '10',
      '1.50',
    ]);
    expect(() => bind('S IN (10, D)')).toThrow(
      'Invalid Predicate: operator does not exist: STRING = DOUBLE (D)\nHint: You might need to add explicit type casts.',
    );
  });

  it('accepts boolean text by prefix and names the type of an unparseable literal', () => {
    expect(inTypes("true IN ('ye', 'F')")).toEqual(['BOOLEAN', 'BOOLEAN', 'BOOLEAN']);
    expect(() => bind("true IN ('maybe')")).toThrow(
      'Invalid Predicate: invalid input syntax for type BOOLEAN: "maybe".',
    );
  });

  it('reports the type found so far against the offending item, as written', () => {
    expect(() => bind('DEC IN (10, true)')).toThrow(
      'operator does not exist: DECIMAL(13, 3) = BOOLEAN (true)',
    );
    expect(() => bind("L IN (MAP('k' := 1))")).toThrow("BIGINT = MAP<STRING, INTEGER> (MAP('k':=1))");
  });

  it('resolves constructors element by element and reports a mismatch as the whole constructor', () => {
    expect(inTypes("AI IN (ARRAY['7', NULL], ARRAY[1, 5000000000])")).toEqual(Array(3).fill('ARRAY<BIGINT>'));
    expect(() => bind('AI IN (ARRAY[S])')).toThrow('ARRAY<INTEGER> = ARRAY<STRING> (ARRAY[S])');
  });

  it('gives structs the union of all fields, so a constructor with an extra field never matches', () => {
    const b = bind('ST IN (STRUCT(X := 1, Y := 2), STRUCT(X := 3))');
    if (b.kind !== 'In') throw new Error('not IN');
    expect(formatType(b.value.type!)).toBe('STRUCT<`X` BIGINT, `Y` INTEGER>');
    expect(b.list[1]).toMatchObject({ kind: 'Struct', fields: [{ name: 'X' }, { name: 'Y' }] });
  });
});

describe('constructors share the coercion', () => {
  it('converts string literals to the array type and keeps the trailing period of the error', () => {
    expect(bind("ARRAY[1, '2']")).toMatchObject({ type: { kind: 'ARRAY', element: INTEGER } });
    expect(() => bind("MAP('a' := 1, 'b' := 'x')")).toThrow('invalid input syntax for type INTEGER: "x".');
  });
});
