import { describe, expect, it } from 'vitest';
import { bindExpression } from '../../bind/bind-expression';
import { Scope } from '../../bind/scope';
import { parseExpression } from '../../sql';
import { STRING } from '../../types/sql-type';
import { compileExpression } from './compile-expression';

function compileGuarded(text: string) {
  const scope = new Scope([{ index: 0, name: 'S', type: STRING, qualifiers: [] }], []);
  const bound = bindExpression(parseExpression(text).expression!, { scope, types: () => undefined });
  const errors: unknown[] = [];
  return { run: compileExpression(bound, (e) => errors.push(e)), errors };
}

describe('guarded function calls', () => {
  it('pass every argument to a variadic function', () => {
    expect(compileGuarded("ELT(3, 'a', 'b', S)").run(['c'])).toBe('c');
    expect(compileGuarded("CONCAT_WS('-', S, NULL, 'x', S)").run(['y'])).toBe('y-x-y');
    expect(compileGuarded("FIELD(S, 'a', 'b', 'c')").run(['c'])).toBe(3);
  });
});
