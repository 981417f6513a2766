import { describe, expect, it } from 'vitest';
import { emptyValue, insertStatement, InsertValueError, literal } from './insert-sql';
import { parseKsqlType } from './ksql-type';

describe('parseKsqlType', () => {
  it('reads nested types', () => {
    expect(parseKsqlType('ARRAY<STRUCT<`a b` INT, B MAP<STRING, DECIMAL(10, 2)>>>')).toEqual({
      kind: 'ARRAY',
      element: {
        kind: 'STRUCT',
        fields: [
          { name: 'a b', type: { kind: 'INTEGER' } },
          {
            name: 'B',
            type: {
              kind: 'MAP',
              key: { kind: 'STRING' },
              value: { kind: 'DECIMAL', precision: 10, scale: 2 },
            },
          },
        ],
      },
    });
    expect(parseKsqlType('VARCHAR')).toEqual({ kind: 'STRING' });
    expect(parseKsqlType('GEO')).toEqual({ kind: 'UNKNOWN', text: 'GEO' });
  });
});

describe('insert SQL', () => {
  it('builds typed literals, nested ones included', () => {
    const type = parseKsqlType('STRUCT<NAME STRING, TAGS ARRAY<STRING>, N MAP<STRING, INT>>');
    expect(literal({ NAME: "O'Neil", TAGS: ['a', null], N: [['x', '1']] }, type, 'C')).toBe(
      "STRUCT(NAME := 'O''Neil', TAGS := ARRAY['a', NULL], N := MAP('x' := 1))",
    );
    expect(literal(true, parseKsqlType('BOOLEAN'), 'B')).toBe('TRUE');
    expect(literal('', parseKsqlType('BIGINT'), 'B')).toBe('NULL');
    expect(literal('2.5e3', parseKsqlType('DOUBLE'), 'D')).toBe('2.5e3');
  });

  it('names the column of a bad value', () => {
    expect(() => literal('12x', parseKsqlType('INT'), 'QTY')).toThrow(
      new InsertValueError('QTY: "12x" is not a whole number.'),
    );
  });

  it('writes the statement for the columns given', () => {
    const columns = [
      { name: 'ID', type: parseKsqlType('BIGINT') },
      { name: 'lower', type: parseKsqlType('STRING') },
      { name: 'SKIPPED', type: parseKsqlType('STRING') },
    ];
    expect(insertStatement('ORDERS', columns, { ID: '1', lower: 'x' })).toBe(
      "INSERT INTO ORDERS (ID, `lower`) VALUES (1, 'x');",
    );
    expect(() => insertStatement('ORDERS', columns, {})).toThrow(InsertValueError);
  });

  it('starts forms with empty values', () => {
    expect(emptyValue(parseKsqlType('STRUCT<A INT, B ARRAY<INT>, C BOOLEAN>'))).toEqual({
      A: '',
      B: [],
      C: false,
    });
  });
});

describe('empty fields', () => {
  it('leaves empty top-level fields out', () => {
    const columns = [
      { name: 'ID', type: parseKsqlType('BIGINT') },
      { name: 'NAME', type: parseKsqlType('STRING') },
    ];
    expect(insertStatement('T', columns, { ID: '7', NAME: '' })).toBe('INSERT INTO T (ID) VALUES (7);');
  });
});
