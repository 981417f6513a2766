import { describe, expect, it } from 'vitest';
import type { Expression } from './ast';
import { expressionChildren, walkExpression } from './expression-walk';
import { parseExpression, parseType } from './script';
import { sexpr } from './testing/sexpr';
import { customTypeNames, resolveTypeNode } from './type-resolve';

function expr(sql: string): Expression {
  const e = parseExpression(sql).expression;
  if (!e) throw new Error(sql);
  return e;
}

describe('expression walking', () => {
  it('lists direct children in source order', () => {
    expect(expressionChildren(expr("CASE a WHEN 1 THEN 'x' ELSE b END")).map(sexpr)).toEqual([
      'A',
      '1',
      "'x'",
      'B',
    ]);
    expect(expressionChildren(expr("MAP('k' := v)")).map(sexpr)).toEqual(["'k'", 'V']);
  });

  it('visits every node parents first and can skip subtrees', () => {
    const seen: string[] = [];
    walkExpression(expr('SUM(a + 1) > COUNT(*) AND TRANSFORM(xs, x => x * 2)[1] = 0'), (n) => {
      if (n.kind === 'FunctionCall') seen.push(n.name.name);
      return n.kind !== 'FunctionCall';
    });
    expect(seen).toEqual(['SUM', 'COUNT', 'TRANSFORM']);
  });

  it('handles very long operator chains without recursion', () => {
    const e = parseExpression(Array.from({ length: 150 }, (_, i) => `a${i}`).join(' + ')).expression;
    if (!e) throw new Error('parse');
    let n = 0;
    walkExpression(e, () => void n++);
    expect(n).toBe(299);
  });
});

describe('type resolution', () => {
  it('resolves custom names through a lookup', () => {
    const t = parseType('MAP<STRING, ARRAY<ADDRESS>>').type;
    if (!t) throw new Error('parse');
    expect(customTypeNames(t)).toEqual(['ADDRESS']);
    expect(resolveTypeNode(t, (n) => (n === 'ADDRESS' ? { kind: 'STRING' } : undefined))).toEqual({
      kind: 'MAP',
      key: { kind: 'STRING' },
      value: { kind: 'ARRAY', element: { kind: 'STRING' } },
    });
    expect(resolveTypeNode(t, () => undefined)).toBeUndefined();
  });
});
