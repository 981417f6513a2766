import type { Duration } from './ast-common';
import type { Expression } from './ast-expression';
import type { AliasedRelation, Join, JoinEquality, JoinType, JoinWithin, WindowExpr } from './ast-query';
import { parseDuration } from './parse-common';
import { parseExpression } from './parse-expression';
import type { Parser } from './parser';

/**
 * Words that may follow a relation: an unquoted alias equal to one of them would be ambiguous, so
 * when followed by the word that completes the clause they start a clause instead.
 */
function clauseAhead(p: Parser): boolean {
  return (
    (p.isKw('EMIT') && (p.isKw('CHANGES', 1) || p.isKw('FINAL', 1) || p.cursorAt(1))) ||
    ((p.isKw('PARTITION') || p.isKw('ORDER')) && (p.isKw('BY', 1) || p.cursorAt(1))) ||
    (p.isKw('OFFSET') && p.peek().kind === 'integer')
  );
}

/** `name [[AS] alias]` */
export function parseAliasedRelation(p: Parser, role: 'source' = 'source'): AliasedRelation {
  const first = p.tok;
  const name = p.identifier(role);
  let alias = undefined;
  if (p.acceptKw('AS')) alias = p.identifier('alias');
  else if (!clauseAhead(p)) alias = p.tryIdentifier('alias');
  return alias
    ? { kind: 'AliasedRelation', name, alias, span: p.spanFrom(first) }
    : { kind: 'AliasedRelation', name, span: p.spanFrom(first) };
}

/** Zero or more `[INNER|LEFT|RIGHT|FULL [OUTER]] JOIN rel [WITHIN ...] ON cond`. */
export function parseJoins(p: Parser): Join[] {
  const joins: Join[] = [];
  for (;;) {
    const first = p.tok;
    let joinType: JoinType = 'INNER';
    if (p.acceptKw('INNER')) joinType = 'INNER';
    else if (p.acceptKw('LEFT')) joinType = 'LEFT';
    else if (p.acceptKw('RIGHT')) joinType = 'RIGHT';
    else if (p.acceptKw('FULL')) joinType = 'FULL';
    else if (!p.isKw('JOIN')) {
      p.expect('JOIN');
      return joins;
    }
    if (joinType !== 'INNER') p.acceptKw('OUTER');
    p.expectKw('JOIN');
    const right = parseAliasedRelation(p);
    const within = p.acceptKw('WITHIN') ? parseWithin(p) : undefined;
    p.expectKw('ON');
    const on = parseExpression(p);
    const equalities = splitEqualities(on);
    const base = { kind: 'Join', joinType, right, on, equalities, span: p.spanFrom(first) } as const;
    joins.push(within ? { ...base, within } : base);
  }
}

function parseWithin(p: Parser): JoinWithin {
  const first = p.prev;
  let before: Duration;
  let after: Duration;
  let symmetric = false;
  if (p.acceptPunct('(')) {
    before = parseDuration(p);
    p.expectPunct(',');
    after = parseDuration(p);
    p.expectPunct(')');
  } else {
    before = parseDuration(p);
    after = before;
    symmetric = true;
  }
  const grace = parseGrace(p);
  const base = { kind: 'JoinWithin', before, after, symmetric } as const;
  return grace ? { ...base, grace, span: p.spanFrom(first) } : { ...base, span: p.spanFrom(first) };
}

function parseGrace(p: Parser): Duration | undefined {
  if (!p.acceptKw('GRACE')) return undefined;
  p.expectKw('PERIOD');
  return parseDuration(p);
}

/** `a = b AND c = d ...` → the equalities; any other shape → empty. */
export function splitEqualities(on: Expression): JoinEquality[] {
  const out: JoinEquality[] = [];
  const stack: Expression[] = [on];
  while (stack.length > 0) {
    const e = stack.pop();
    if (e === undefined) break;
    if (e.kind === 'Logical' && e.op === 'AND') {
      stack.push(e.right, e.left);
    } else if (e.kind === 'Comparison' && e.op === '=') {
      out.push({ kind: 'JoinEquality', left: e.left, right: e.right, span: e.span });
    } else {
      return [];
    }
  }
  return out;
}

/** After `WINDOW`: `[name] TUMBLING (...) | HOPPING (...) | SESSION (...)`. */
export function parseWindow(p: Parser): WindowExpr {
  const first = p.prev;
  const isType = p.isKw('TUMBLING') || p.isKw('HOPPING') || (p.isKw('SESSION') && p.isPunct('(', 1));
  const name = isType ? undefined : p.tryIdentifier('identifier');
  const named = name ? { name } : {};
  if (p.acceptKw('TUMBLING')) {
    p.expectPunct('(');
    p.expectKw('SIZE');
    const size = parseDuration(p);
    const tail = parseWindowTail(p);
    return { kind: 'TumblingWindow', ...named, size, ...tail, span: p.spanFrom(first) };
  }
  if (p.acceptKw('HOPPING')) {
    p.expectPunct('(');
    p.expectKw('SIZE');
    const size = parseDuration(p);
    p.expectPunct(',');
    p.expectKw('ADVANCE');
    p.expectKw('BY');
    const advance = parseDuration(p);
    const tail = parseWindowTail(p);
    return { kind: 'HoppingWindow', ...named, size, advance, ...tail, span: p.spanFrom(first) };
  }
  p.expectKw('SESSION');
  p.expectPunct('(');
  const gap = parseDuration(p);
  const tail = parseWindowTail(p);
  return { kind: 'SessionWindow', ...named, gap, ...tail, span: p.spanFrom(first) };
}

/** `[, RETENTION d] [, GRACE PERIOD d] )` */
function parseWindowTail(p: Parser): { retention?: Duration; grace?: Duration } {
  const out: { retention?: Duration; grace?: Duration } = {};
  if (p.acceptPunct(',')) {
    if (p.acceptKw('RETENTION')) {
      out.retention = parseDuration(p);
      if (p.acceptPunct(',')) {
        p.expectKw('GRACE');
        p.expectKw('PERIOD');
        out.grace = parseDuration(p);
      }
    } else {
      p.expectKw('GRACE');
      p.expectKw('PERIOD');
      out.grace = parseDuration(p);
    }
  }
  p.expectPunct(')');
  return out;
}
