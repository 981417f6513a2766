import { describe, expect, it } from 'vitest';
import { parseExpression } from './script';
import { sexpr } from './testing/sexpr';

function tree(sql: string): string {
  const r = parseExpression(sql);
  if (!r.expression) throw new Error(`${sql}: ${r.diagnostics.map((d) => d.message).join('; ')}`);
  return sexpr(r.expression);
}

describe('expressions', () => {
  it.each([
    // literals: ksqlDB's number typing
    ['42', '42'],
    ['2147483647', '2147483647'],
    ['2147483648', '2147483648L'],
    ['-2147483648', '-2147483648'],
    ['-9223372036854775808', '-9223372036854775808L'],
    ['1.5', '1.5BD'],
    ['.5', '.5BD'],
    ['2.', '2.BD'],
    ['-1.50', '-1.50BD'],
    ['1.5E0', '1.5D'],
    ['1e3', '1000D'],
    ["DECIMAL '1.23'", '1.23BD'],
    ["decimal '-7'", '-7BD'],
    ["'it''s'", "'it's'"],
    ['NULL', 'null'],
    ['true', 'true'],
    ['FALSE', 'false'],
    // names
    ['col', 'COL'],
    ['`Mixed`', 'Mixed'],
    ['"dq"', 'dq'],
    ['`a``b`', 'a`b'],
    ['s.col', 'S.COL'],
    ['value', 'VALUE'],
    ['key', 'KEY'],
    ['timestamp', 'TIMESTAMP'],
    ['size', 'SIZE'],
    ['date', 'DATE'],
    ['1abc', '1ABC'],
    // arithmetic and precedence
    ['1 + 2 * 3', '(+ 1 (* 2 3))'],
    ['(1 + 2) * 3', '(* (+ 1 2) 3)'],
    ['1 - 2 - 3', '(- (- 1 2) 3)'],
    ['10 / 2 % 3', '(% (/ 10 2) 3)'],
    ['-a * b', '(* (neg A) B)'],
    ['- -1', '(neg -1)'],
    ['-(1)', '(neg 1)'],
    ['+a', '(pos A)'],
    ['a - -1', '(- A -1)'],
    ["a || 'x' || b", "(|| (|| A 'x') B)"],
    ['a + 1 || b', '(|| (+ A 1) B)'],
    // comparisons and logic
    ['a = 1', '(= A 1)'],
    ['a != 1', '(<> A 1)'],
    ['a <> 1', '(<> A 1)'],
    ['a <= b + 1', '(<= A (+ B 1))'],
    ['a > 1 AND b < 2 OR c = 3', '(or (and (> A 1) (< B 2)) (= C 3))'],
    ['a OR b AND c', '(or A (and B C))'],
    ['NOT a = 1 AND b', '(and (not (= A 1)) B)'],
    ['NOT NOT a', '(not (not A))'],
    // predicates
    ['a BETWEEN 1 AND 5', '(between A 1 5)'],
    ['a NOT BETWEEN 1 + 1 AND 5 AND b', '(and (not-between A (+ 1 1) 5) B)'],
    ["a IN (1, 2, 'x')", "(in A 1 2 'x')"],
    ['a NOT IN (b)', '(not-in A B)'],
    ["a LIKE 'x%'", "(like A 'x%')"],
    ["a NOT LIKE 'x!%' ESCAPE '!'", "(not-like A 'x!%' '!')"],
    ['a IS NULL', '(is-null A)'],
    ['a IS NOT NULL', '(is-not-null A)'],
    ['a IS DISTINCT FROM b', '(distinct A B)'],
    ['a IS NOT DISTINCT FROM b + 1', '(not-distinct A (+ B 1))'],
    // CASE and CAST
    [
      "CASE WHEN a > 1 THEN 'x' WHEN a > 0 THEN 'y' ELSE 'z' END",
      "(case (when (> A 1) 'x') (when (> A 0) 'y') (else 'z'))",
    ],
    ['CASE a WHEN 1 THEN 2 END', '(case A (when 1 2))'],
    ['CAST(a AS DECIMAL(5, 2))', '(cast A DECIMAL(5, 2))'],
    ['CAST(a AS ARRAY<MAP<STRING, INT>>)', '(cast A ARRAY<MAP<STRING, INTEGER>>)'],
    ['CAST(a AS my_type)', '(cast A MY_TYPE)'],
    // access
    ['a->b->c', '(-> (-> A B) C)'],
    ['a[1]', '([] A 1)'],
    ["a['k'][2]->f", "(-> ([] ([] A 'k') 2) F)"],
    ['s.a->b', '(-> S.A B)'],
    ['f(x)[0]', '([] (F X) 0)'],
    // constructors
    ['ARRAY[1, 2, 3]', '[1 2 3]'],
    ['ARRAY[]', '[]'],
    ["MAP('a' := 1, 'b' := 2)", "(map 'a':1 'b':2)"],
    ['MAP()', '(map)'],
    ["STRUCT(name := 'x', `id` := 1)", "(struct NAME:'x' id:1)"],
    ['STRUCT()', '(struct)'],
    // functions and lambdas
    ['COUNT(*)', '(COUNT *)'],
    ['count(a)', '(COUNT A)'],
    ['now()', '(NOW)'],
    ['SUBSTRING(s, 1, 2)', '(SUBSTRING S 1 2)'],
    ['TRANSFORM(arr, x => x * 2)', '(TRANSFORM ARR (lambda (X) (* $X 2)))'],
    ['FILTER(m, (k, v) => v > 0 AND k <> x)', '(FILTER M (lambda (K V) (and (> $V 0) (<> $K X))))'],
    ['REDUCE(a, 0, (s, x) => s + x)', '(REDUCE A 0 (lambda (S X) (+ $S $X)))'],
    [
      'TRANSFORM(a, x => TRANSFORM(x, y => x + y))',
      '(TRANSFORM A (lambda (X) (TRANSFORM $X (lambda (Y) (+ $X $Y)))))',
    ],
    ['TIMESTAMPADD(SECONDS, 5, ts)', '(TIMESTAMPADD #SECONDS 5 TS)'],
    ['DATEADD(millisecond, 1, d)', '(DATEADD #MILLISECONDS 1 D)'],
    ['f(day)', '(F DAY)'],
  ])('%s', (sql, expected) => {
    expect(tree(sql)).toBe(expected);
  });

  it('keeps the original identifier text beside the normalized name', () => {
    const r = parseExpression('myCol');
    expect(r.expression).toMatchObject({ kind: 'ColumnRef', name: { name: 'MYCOL', text: 'myCol' } });
  });

  it('gives every node a span over its own text', () => {
    const sql = 'a + (b * 2)';
    const r = parseExpression(sql);
    const e = r.expression;
    if (e?.kind !== 'Arithmetic') throw new Error('expected arithmetic');
    expect(sql.slice(e.span.start, e.span.end)).toBe(sql);
    expect(sql.slice(e.right.span.start, e.right.span.end)).toBe('(b * 2)');
    expect(e.left.span).toEqual({ start: 0, end: 1, startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 });
  });

  it.each([
    ['a = b = c'],
    ['1 +'],
    ['CASE END'],
    ['ARRAY[1'],
    ['f(x,)'],
    ["TIMESTAMP '2020-01-01'"],
    ['99999999999999999999'],
    ["DECIMAL 'abc'"],
    ['1.7976931348623159E308'],
    ['a->*'],
  ])('rejects %s with a diagnostic', (sql) => {
    const r = parseExpression(sql);
    expect(r.expression).toBeUndefined();
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]?.code).toBe(40001);
  });
});
