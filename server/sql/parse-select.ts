import type { Expression } from './ast-expression';
import type { GroupingClause, OrderItem, SelectItem, SelectStmt } from './ast-query';
import { parseCount } from './parse-common';
import { parseExpression, parseValueExpression } from './parse-expression';
import { parseAliasedRelation, parseJoins, parseWindow } from './parse-relation';
import type { Parser } from './parser';
import type { Token } from './token';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * `SELECT items FROM rel [joins] [WINDOW w] [WHERE e] [GROUP BY ...] [PARTITION BY ...] [HAVING e]
 * [EMIT CHANGES|FINAL] [ORDER BY ...] [LIMIT n] [OFFSET n]`. The clause order is ksqlDB's; ORDER BY
 * and OFFSET are Kappa extensions.
 */
export function parseSelect(p: Parser): SelectStmt {
  const first = p.expectKw('SELECT');
  const items: SelectItem[] = [];
  do items.push(parseSelectItem(p));
  while (p.acceptPunct(','));
  p.expectKw('FROM');
  const from = parseAliasedRelation(p);
  const joins = parseJoins(p);
  const q: Partial<Mutable<SelectStmt>> = {};
  if (p.acceptKw('WINDOW')) q.window = parseWindow(p);
  if (p.acceptKw('WHERE')) q.where = parseExpression(p);
  if (p.isKw('GROUP')) q.groupBy = parseGrouping(p);
  else p.expect('GROUP');
  if (p.isKw('PARTITION') && p.isKw('BY', 1)) q.partitionBy = parseGrouping(p);
  else p.expect('PARTITION');
  if (p.acceptKw('HAVING')) q.having = parseExpression(p);
  if (p.acceptKw('EMIT')) {
    if (p.acceptKw('CHANGES')) q.emit = 'CHANGES';
    else {
      p.expectKw('FINAL');
      q.emit = 'FINAL';
    }
  }
  if (p.isKw('ORDER') && p.isKw('BY', 1)) q.orderBy = parseOrderBy(p);
  else p.expect('ORDER');
  if (p.acceptKw('LIMIT')) q.limit = parseLimit(p);
  if (p.isKw('OFFSET') && p.peek().kind === 'integer') {
    p.advance();
    q.offset = parseCount(p);
  } else p.expect('OFFSET');
  return {
    kind: 'SelectStmt',
    items,
    from,
    joins,
    ...q,
    text: p.textFrom(first),
    span: p.spanFrom(first),
  };
}

/** `LIMIT n`; a negative n parses so that the query can say why it is refused. */
function parseLimit(p: Parser): number {
  if (p.isPunct('-') && p.peek().kind === 'integer') {
    p.advance();
    return -parseCount(p);
  }
  return parseCount(p);
}

function parseSelectItem(p: Parser): SelectItem {
  const first = p.tok;
  if (p.acceptPunct('*')) return { kind: 'SelectAllColumns', span: p.tokenSpan(first) };
  if (p.isIdentAt() && p.isPunct('.', 1) && p.isPunct('*', 2)) {
    const source = p.identifier('source');
    p.advance();
    p.advance();
    return { kind: 'SelectAllColumns', source, span: p.spanFrom(first) };
  }
  const expression = parseExpression(p);
  if (p.isPunct('->') && p.isPunct('*', 1)) {
    if (!isPrimary(expression)) p.failAt(p.tok, "'->*' needs a struct column or field on its left");
    p.advance();
    p.advance();
    return { kind: 'SelectStructAll', base: expression, span: p.spanFrom(first) };
  }
  let alias = undefined;
  if (p.acceptKw('AS')) alias = p.identifier('alias');
  else if (!p.isKw('FROM')) alias = p.tryIdentifier('alias');
  return alias
    ? { kind: 'SelectExpression', expression, alias, span: p.spanFrom(first) }
    : { kind: 'SelectExpression', expression, span: p.spanFrom(first) };
}

function isPrimary(e: Expression): boolean {
  return (
    e.kind === 'ColumnRef' ||
    e.kind === 'Dereference' ||
    e.kind === 'Subscript' ||
    e.kind === 'FunctionCall' ||
    e.kind === 'StructConstructor' ||
    e.kind === 'Cast' ||
    e.kind === 'SearchedCase' ||
    e.kind === 'SimpleCase'
  );
}

/**
 * `GROUP BY a, b` or `GROUP BY (a, b)` / `GROUP BY ()`. A parenthesized single expression is just
 * that expression, as in ksqlDB, so `(a)` and `a` mean the same.
 */
function parseGrouping(p: Parser): GroupingClause {
  const first: Token = p.advance();
  p.expectKw('BY');
  const expressions: Expression[] = [];
  if (p.isPunct('(') && parenthesizedList(p)) {
    p.advance();
    if (!p.acceptPunct(')')) {
      do expressions.push(parseValueExpression(p));
      while (p.acceptPunct(','));
      p.expectPunct(')');
    }
  } else {
    do expressions.push(parseValueExpression(p));
    while (p.acceptPunct(','));
  }
  return { kind: 'GroupingClause', expressions, span: p.spanFrom(first) };
}

/** At `(`: true when the parentheses hold an empty or comma-separated list rather than one expression. */
function parenthesizedList(p: Parser): boolean {
  let depth = 0;
  for (let k = 0; ; k++) {
    const t = p.peek(k);
    if (t.kind === 'eof') return false;
    if (t.kind !== 'punct') continue;
    if (t.value === '(' || t.value === '[') depth++;
    else if (t.value === ')' || t.value === ']') {
      depth--;
      if (depth === 0) return k === 1 && t.value === ')';
    } else if (t.value === ',' && depth === 1) return true;
    else if (t.value === ';') return false;
  }
}

function parseOrderBy(p: Parser): OrderItem[] {
  p.advance();
  p.advance();
  const items: OrderItem[] = [];
  do {
    const first = p.tok;
    const expression = parseValueExpression(p);
    let direction: 'ASC' | 'DESC' = 'ASC';
    if (p.acceptKw('DESC')) direction = 'DESC';
    else p.acceptKw('ASC');
    items.push({ kind: 'OrderItem', expression, direction, span: p.spanFrom(first) });
  } while (p.acceptPunct(','));
  return items;
}
