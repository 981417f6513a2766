import type { ArithmeticOp, ComparisonOp, Expression } from './ast-expression';
import { numberLiteral, isNumberToken } from './parse-common';
import { parsePrimary } from './parse-primary';
import type { Parser } from './parser';
import type { Token } from './token';

/**
 * Precedence, loosest first (as in ksqlDB's grammar): OR, AND, NOT, predicates (comparison,
 * BETWEEN, IN, LIKE, IS), `||`, `+ -`, `* / %`, unary `- +`, postfix `[i]` and `->field`.
 * Every level and every link of an operator chain counts towards the parser's depth limit, so the
 * tree's height stays bounded and no later tree walk can overflow the stack.
 */
export function parseExpression(p: Parser): Expression {
  const saved = p.depth;
  p.deeper();
  const e = parseOr(p);
  p.depth = saved;
  return e;
}

function parseOr(p: Parser): Expression {
  const first = p.tok;
  let left = parseAnd(p);
  const saved = p.depth;
  while (p.acceptKw('OR')) {
    p.deeper();
    const right = parseAnd(p);
    left = { kind: 'Logical', op: 'OR', left, right, span: p.spanFrom(first) };
  }
  p.depth = saved;
  return left;
}

function parseAnd(p: Parser): Expression {
  const first = p.tok;
  let left = parseNot(p);
  const saved = p.depth;
  while (p.acceptKw('AND')) {
    p.deeper();
    const right = parseNot(p);
    left = { kind: 'Logical', op: 'AND', left, right, span: p.spanFrom(first) };
  }
  p.depth = saved;
  return left;
}

function parseNot(p: Parser): Expression {
  const first = p.tok;
  if (p.isKw('NOT')) {
    p.advance();
    const saved = p.depth;
    p.deeper();
    const operand = parseNot(p);
    p.depth = saved;
    return { kind: 'Not', operand, span: p.spanFrom(first) };
  }
  return parsePredicated(p);
}

const COMPARISONS: Record<string, ComparisonOp> = {
  '=': '=',
  '<>': '<>',
  '!=': '<>',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
};

function parsePredicated(p: Parser): Expression {
  const first = p.tok;
  const value = parseValueExpression(p);
  const t = p.tok;
  if (t.kind === 'punct') {
    const op = COMPARISONS[t.value];
    if (op !== undefined) {
      p.advance();
      const right = parseValueExpression(p);
      return { kind: 'Comparison', op, left: value, right, span: p.spanFrom(first) };
    }
  }
  for (const op of ['=', '<>', '<', '<=', '>', '>=']) p.expect(`'${op}'`);
  const negated = p.isKw('NOT') && (p.isKw('BETWEEN', 1) || p.isKw('IN', 1) || p.isKw('LIKE', 1));
  if (negated) p.advance();
  else p.expect('NOT');
  if (p.acceptKw('BETWEEN')) {
    const low = parseValueExpression(p);
    p.expectKw('AND');
    const high = parseValueExpression(p);
    return { kind: 'Between', value, low, high, negated, span: p.spanFrom(first) };
  }
  if (p.acceptKw('IN')) {
    p.expectPunct('(');
    const list: Expression[] = [];
    do list.push(parseExpression(p));
    while (p.acceptPunct(','));
    p.expectPunct(')');
    return { kind: 'InList', value, list, negated, span: p.spanFrom(first) };
  }
  if (p.acceptKw('LIKE')) {
    const pattern = parseValueExpression(p);
    if (p.acceptKw('ESCAPE')) {
      const e = p.tok;
      if (e.kind !== 'string') {
        p.expect('<string>');
        p.fail();
      }
      p.advance();
      const escape = { kind: 'StringLiteral', value: e.value, span: p.tokenSpan(e) } as const;
      return { kind: 'Like', value, pattern, escape, negated, span: p.spanFrom(first) };
    }
    return { kind: 'Like', value, pattern, negated, span: p.spanFrom(first) };
  }
  if (negated) p.fail();
  if (p.acceptKw('IS')) {
    const not = p.acceptKw('NOT');
    if (p.acceptKw('NULL')) return { kind: 'IsNull', value, negated: not, span: p.spanFrom(first) };
    p.expectKw('DISTINCT');
    p.expectKw('FROM');
    const right = parseValueExpression(p);
    return { kind: 'IsDistinctFrom', left: value, right, negated: not, span: p.spanFrom(first) };
  }
  return value;
}

/** A value expression: no boolean operators or predicates at the top level. */
export function parseValueExpression(p: Parser): Expression {
  const first = p.tok;
  let left = parseAdditive(p);
  const saved = p.depth;
  while (p.acceptPunct('||')) {
    p.deeper();
    const right = parseAdditive(p);
    left = { kind: 'Concat', left, right, span: p.spanFrom(first) };
  }
  p.depth = saved;
  return left;
}

function parseAdditive(p: Parser): Expression {
  const first = p.tok;
  let left = parseMultiplicative(p);
  const saved = p.depth;
  for (;;) {
    const op: ArithmeticOp | undefined = p.isPunct('+') ? '+' : p.isPunct('-') ? '-' : undefined;
    if (op === undefined) {
      p.expect("'+'");
      p.expect("'-'");
      p.expect("'||'");
      break;
    }
    p.advance();
    p.deeper();
    const right = parseMultiplicative(p);
    left = { kind: 'Arithmetic', op, left, right, span: p.spanFrom(first) };
  }
  p.depth = saved;
  return left;
}

function parseMultiplicative(p: Parser): Expression {
  const first = p.tok;
  let left = parseUnary(p);
  const saved = p.depth;
  for (;;) {
    const op: ArithmeticOp | undefined = p.isPunct('*')
      ? '*'
      : p.isPunct('/')
        ? '/'
        : p.isPunct('%')
          ? '%'
          : undefined;
    if (op === undefined) {
      p.expect("'*'");
      p.expect("'/'");
      p.expect("'%'");
      break;
    }
    p.advance();
    p.deeper();
    const right = parseUnary(p);
    left = { kind: 'Arithmetic', op, left, right, span: p.spanFrom(first) };
  }
  p.depth = saved;
  return left;
}

function parseUnary(p: Parser): Expression {
  const first = p.tok;
  if (p.isPunct('-') || p.isPunct('+')) {
    const minus = first.value === '-';
    // As in ksqlDB, `-1` is a negative literal (so -2147483648 is still an INT), not negation.
    if (minus && isNumberToken(p.peek())) {
      p.advance();
      return parsePostfix(p, numberLiteral(p, first, true), first);
    }
    p.advance();
    const saved = p.depth;
    p.deeper();
    const operand = parseUnary(p);
    p.depth = saved;
    return { kind: 'Unary', op: minus ? '-' : '+', operand, span: p.spanFrom(first) };
  }
  return parsePostfix(p, parsePrimary(p), first);
}

/** `[index]` and `->field` after a primary; `->*` is left for the select list. */
export function parsePostfix(p: Parser, base: Expression, first: Token): Expression {
  const saved = p.depth;
  let e = base;
  for (;;) {
    if (p.acceptPunct('[')) {
      p.deeper();
      const index = parseValueExpression(p);
      p.expectPunct(']');
      e = { kind: 'Subscript', base: e, index, span: p.spanFrom(first) };
    } else if (p.isPunct('->') && !p.isPunct('*', 1)) {
      p.advance();
      p.deeper();
      const field = p.identifier('field');
      e = { kind: 'Dereference', base: e, field, span: p.spanFrom(first) };
    } else {
      p.expect("'->'");
      break;
    }
  }
  p.depth = saved;
  return e;
}
