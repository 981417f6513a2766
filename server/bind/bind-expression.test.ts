import { describe, expect, it } from 'vitest';
import { parseExpression } from '../sql';
import { INTEGER } from '../types/sql-type';
import { bindExpression } from './bind-expression';
import { Scope } from './scope';

const scope = new Scope([{ index: 0, name: 'N', type: INTEGER, qualifiers: [] }], []);
const bind = (text: string) =>
  bindExpression(parseExpression(text).expression!, { scope, types: () => undefined });

describe('function calls', () => {
  it('treat `*` as no arguments outside COUNT', () => {
    expect(() => bind('ABS(*)')).toThrow("Function 'ABS' does not accept parameters ().");
  });
});

describe('constructors', () => {
  it('reject a STRUCT with the same field twice', () => {
    expect(() => bind('STRUCT(a := 1, b := 2, a := N)')).toThrow('Duplicate field names found in STRUCT');
  });
});

describe('column references', () => {
  it('report an ambiguous name with its position and every qualified candidate', () => {
    const joined = new Scope(
      [
        { index: 0, name: 'F', type: INTEGER, qualifiers: ['A'] },
        { index: 1, name: 'F', type: INTEGER, qualifiers: ['B'] },
      ],
      ['A', 'B'],
    );
    const ref = parseExpression('  F + 1').expression!;
    let error: unknown;
    try {
      bindExpression(ref, { scope: joined, types: () => undefined });
    } catch (e) {
      error = e;
    }
    expect((error as Error).message).toBe("Line: 1, Col: 3: Column 'F' is ambiguous. Could be A.F or B.F.");
  });
});

describe('comparisons', () => {
  it('refuse a number compared with text, as ksqlDB does, naming both sides and the operator', () => {
    expect(() => bind(`N = '10'`)).toThrow("Cannot compare N (INTEGER) to '10' (STRING) with EQUAL.");
    expect(() => bind(`N BETWEEN 'a' AND 3`)).toThrow(
      "Cannot compare N (INTEGER) to 'a' (STRING) with GREATER_THAN_OR_EQUAL.",
    );
    expect(bind('N > 1.5').type).toEqual({ kind: 'BOOLEAN' });
  });

  it('refuse arithmetic with an untyped NULL', () => {
    expect(() => bind('N + NULL')).toThrow(
      'Error processing expression: (N + null). Arithmetic on types INTEGER and null are not supported.',
    );
    expect(bind('N + CAST(NULL AS INT)').type).toEqual({ kind: 'INTEGER' });
  });
});
