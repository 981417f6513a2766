import type { Identifier } from './ast-common';
import type { Expression, MapEntry, StructFieldValue, WhenClause } from './ast-expression';
import { numberLiteral, timeUnitOf } from './parse-common';
import { parseExpression } from './parse-expression';
import { parseType } from './parse-type';
import type { Parser } from './parser';
import type { Token } from './token';

const DECIMAL_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Words that begin a non-identifier primary expression; completion offers them with expressions. */
export const EXPRESSION_KEYWORDS: readonly string[] = [
  'CASE', 'CAST', 'NOT', 'NULL', 'TRUE', 'FALSE', 'ARRAY', 'MAP', 'STRUCT', 'DECIMAL',
]; // prettier-ignore

export function parsePrimary(p: Parser): Expression {
  const first = p.tok;
  switch (first.kind) {
    case 'string':
      p.advance();
      return { kind: 'StringLiteral', value: first.value, span: p.tokenSpan(first) };
    case 'integer':
    case 'decimal':
    case 'float':
      return numberLiteral(p, first, false);
    case 'punct':
      if (first.value === '(') {
        p.advance();
        const inner = parseExpression(p);
        p.expectPunct(')');
        // The node's span grows to cover its parentheses, so a clause's last span ends where it does.
        return { ...inner, span: p.spanFrom(first) };
      }
      break;
    case 'word':
      switch (first.value) {
        case 'NULL':
          p.advance();
          return { kind: 'NullLiteral', span: p.tokenSpan(first) };
        case 'TRUE':
        case 'FALSE':
          p.advance();
          return { kind: 'BooleanLiteral', value: first.value === 'TRUE', span: p.tokenSpan(first) };
        case 'CASE':
          return parseCase(p);
        case 'CAST':
          return parseCast(p);
        case 'DECIMAL':
          if (p.peek().kind === 'string') return parseTypedDecimal(p);
          break;
        case 'ARRAY':
          if (p.isPunct('[', 1)) return parseArray(p);
          break;
        case 'MAP':
          if (p.isPunct('(', 1)) return parseMap(p);
          break;
        case 'STRUCT':
          if (p.isPunct('(', 1)) return parseStruct(p);
          break;
      }
      break;
    default:
      break;
  }
  if (p.isIdentAt()) return parseNamed(p);
  p.expect('<expression>');
  return p.fail();
}

/** Column reference, qualified column reference, lambda variable or function call. */
function parseNamed(p: Parser): Expression {
  const first = p.tok;
  const name = p.identifier('column');
  if (p.isPunct('(')) return parseCall(p, first, name);
  if (p.isPunct('.') && !p.isPunct('*', 1)) {
    p.advance();
    const column = p.identifier('column');
    return { kind: 'ColumnRef', source: name, name: column, span: p.spanFrom(first) };
  }
  for (let i = p.lambdaScopes.length - 1; i >= 0; i--) {
    if (p.lambdaScopes[i]?.has(name.name)) return { kind: 'LambdaVariable', name, span: name.span };
  }
  return { kind: 'ColumnRef', name, span: name.span };
}

function parseCall(p: Parser, first: Token, name: Identifier): Expression {
  p.expectPunct('(');
  if (p.isPunct('*') && p.isPunct(')', 1)) {
    p.advance();
    p.advance();
    return { kind: 'FunctionCall', name, args: [], star: true, span: p.spanFrom(first) };
  }
  const args: Expression[] = [];
  if (!p.acceptPunct(')')) {
    do args.push(parseArgument(p));
    while (p.acceptPunct(','));
    p.expectPunct(')');
  }
  return { kind: 'FunctionCall', name, args, star: false, span: p.spanFrom(first) };
}

function parseArgument(p: Parser): Expression {
  const t = p.tok;
  if (lambdaAhead(p)) return parseLambda(p);
  if (t.kind === 'word' && (p.isPunct(',', 1) || p.isPunct(')', 1)) && !p.isIdentAt()) {
    const unit = timeUnitOf(t.value);
    if (unit !== undefined) {
      p.advance();
      return { kind: 'IntervalUnit', unit, span: p.tokenSpan(t) };
    }
  }
  return parseExpression(p);
}

/** `x =>` or `(a, b) =>` ahead, checked without consuming or recording expectations. */
function lambdaAhead(p: Parser): boolean {
  if (p.isIdentAt() && p.isPunct('=>', 1)) return true;
  if (!p.isPunct('(')) return false;
  let k = 1;
  for (;;) {
    if (!p.isIdentAt(k)) return false;
    k++;
    if (p.isPunct(')', k)) return p.isPunct('=>', k + 1);
    if (!p.isPunct(',', k)) return false;
    k++;
  }
}

function parseLambda(p: Parser): Expression {
  const first = p.tok;
  const params: Identifier[] = [];
  if (p.acceptPunct('(')) {
    do params.push(p.identifier('param'));
    while (p.acceptPunct(','));
    p.expectPunct(')');
  } else {
    params.push(p.identifier('param'));
  }
  p.expectPunct('=>');
  p.lambdaScopes.push(new Set(params.map((x) => x.name)));
  try {
    const body = parseExpression(p);
    return { kind: 'Lambda', params, body, span: p.spanFrom(first) };
  } finally {
    p.lambdaScopes.pop();
  }
}

function parseCase(p: Parser): Expression {
  const first = p.advance();
  const operand = p.isKw('WHEN') ? undefined : parseExpression(p);
  const whens: WhenClause[] = [];
  do {
    const w = p.tok;
    p.expectKw('WHEN');
    const condition = parseExpression(p);
    p.expectKw('THEN');
    const result = parseExpression(p);
    whens.push({ kind: 'WhenClause', condition, result, span: p.spanFrom(w) });
  } while (p.isKw('WHEN'));
  p.expect('WHEN');
  const otherwise = p.acceptKw('ELSE') ? parseExpression(p) : undefined;
  p.expectKw('END');
  const span = p.spanFrom(first);
  const elsePart = otherwise === undefined ? {} : { else: otherwise };
  return operand === undefined
    ? { kind: 'SearchedCase', whens, ...elsePart, span }
    : { kind: 'SimpleCase', operand, whens, ...elsePart, span };
}

function parseCast(p: Parser): Expression {
  const first = p.advance();
  p.expectPunct('(');
  const value = parseExpression(p);
  p.expectKw('AS');
  const type = parseType(p);
  p.expectPunct(')');
  return { kind: 'Cast', value, type, span: p.spanFrom(first) };
}

function parseTypedDecimal(p: Parser): Expression {
  const first = p.advance();
  const t = p.advance();
  const text = t.value.trim();
  if (!DECIMAL_TEXT.test(text)) p.failAt(t, `invalid DECIMAL literal '${t.value}'`);
  return {
    kind: 'DecimalLiteral',
    value: text.startsWith('+') ? text.slice(1) : text,
    span: p.spanFrom(first),
  };
}

function parseArray(p: Parser): Expression {
  const first = p.advance();
  p.expectPunct('[');
  const elements: Expression[] = [];
  if (!p.acceptPunct(']')) {
    do elements.push(parseExpression(p));
    while (p.acceptPunct(','));
    p.expectPunct(']');
  }
  return { kind: 'ArrayConstructor', elements, span: p.spanFrom(first) };
}

function parseMap(p: Parser): Expression {
  const first = p.advance();
  p.expectPunct('(');
  const entries: MapEntry[] = [];
  if (!p.acceptPunct(')')) {
    do {
      const e = p.tok;
      const key = parseExpression(p);
      p.expectPunct(':=');
      const value = parseExpression(p);
      entries.push({ kind: 'MapEntry', key, value, span: p.spanFrom(e) });
    } while (p.acceptPunct(','));
    p.expectPunct(')');
  }
  return { kind: 'MapConstructor', entries, span: p.spanFrom(first) };
}

function parseStruct(p: Parser): Expression {
  const first = p.advance();
  p.expectPunct('(');
  const fields: StructFieldValue[] = [];
  if (!p.acceptPunct(')')) {
    do {
      const f = p.tok;
      const name = p.identifier('field');
      p.expectPunct(':=');
      const value = parseExpression(p);
      fields.push({ kind: 'StructFieldValue', name, value, span: p.spanFrom(f) });
    } while (p.acceptPunct(','));
    p.expectPunct(')');
  }
  return { kind: 'StructConstructor', fields, span: p.spanFrom(first) };
}
