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
