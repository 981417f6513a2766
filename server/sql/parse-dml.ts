import type { Identifier } from './ast-common';
import type { Expression } from './ast-expression';
import type { Statement } from './ast-statement';
import {
  parseColumnNames,
  parseDuration,
  parseLiteral,
  parseOptionalWith,
  parseResourceName,
} from './parse-common';
import { parseSourceType, parseTableElements } from './parse-ddl';
import { base } from './statement-base';
import { parseValueExpression } from './parse-expression';
import { parseSelect } from './parse-select';
import type { Parser } from './parser';
import type { Token } from './token';

/** After INSERT: `INTO target [WITH (...)] SELECT ...` or `INTO target [(cols)] VALUES (...)`. */
export function parseInsert(p: Parser, first: Token): Statement {
  p.expectKw('INTO');
  const target = p.identifier('source');
  if (p.isPunct('(') || p.isKw('VALUES')) {
    const columns = p.isPunct('(') ? parseColumnNames(p) : undefined;
    p.expectKw('VALUES');
    const values = parseValues(p);
    return base(p, first, { kind: 'InsertValuesStmt', target, ...(columns ? { columns } : {}), values });
  }
  p.expect("'('");
  p.expect('VALUES');
  const properties = parseOptionalWith(p);
  const query = parseSelect(p);
  return base(p, first, { kind: 'InsertIntoSelectStmt', target, properties, query });
}

/** `( expr, ... )`, possibly empty. */
export function parseValues(p: Parser): Expression[] {
  p.expectPunct('(');
  const values: Expression[] = [];
  if (!p.acceptPunct(')')) {
    do values.push(parseValueExpression(p));
    while (p.acceptPunct(','));
    p.expectPunct(')');
  }
  return values;
}

/** After ASSERT: TOPIC / SCHEMA checks and the test-harness VALUES / NULL VALUES / STREAM / TABLE. */
export function parseAssert(p: Parser, first: Token): Statement {
  if (p.acceptKw('VALUES')) {
    const { source, columns } = sourceAndColumns(p);
    p.expectKw('VALUES');
    const values = parseValues(p);
    return base(p, first, { kind: 'AssertValuesStmt', source, ...(columns ? { columns } : {}), values });
  }
  if (p.acceptKw('NULL')) {
    p.expectKw('VALUES');
    const { source, columns } = sourceAndColumns(p);
    p.expectKw('KEY');
    const keys = parseValues(p);
    return base(p, first, { kind: 'AssertTombstoneStmt', source, ...(columns ? { columns } : {}), keys });
  }
  if (p.isKw('STREAM') || p.isKw('TABLE')) {
    const sourceType = parseSourceType(p);
    const name = p.identifier('source');
    const elements = p.isPunct('(') ? parseTableElements(p) : [];
    const properties = parseOptionalWith(p);
    return base(p, first, { kind: 'AssertSourceStmt', sourceType, name, elements, properties });
  }
  p.expect('STREAM');
  p.expect('TABLE');
  let notExists = false;
  if (p.acceptKw('NOT')) {
    p.expectKw('EXISTS');
    notExists = true;
  }
  if (p.acceptKw('TOPIC')) {
    const topic = parseResourceName(p);
    const properties = parseOptionalWith(p);
    const timeout = parseTimeout(p);
    return base(p, first, { kind: 'AssertTopicStmt', notExists, topic, properties, ...timeout });
  }
  p.expectKw('SCHEMA');
  const subject = p.acceptKw('SUBJECT') ? parseResourceName(p) : undefined;
  const id = p.acceptKw('ID') ? parseLiteral(p) : undefined;
  const timeout = parseTimeout(p);
  return base(p, first, {
    kind: 'AssertSchemaStmt',
    notExists,
    ...(subject ? { subject } : {}),
    ...(id ? { id } : {}),
    ...timeout,
  });
}

function parseTimeout(p: Parser): { timeout?: ReturnType<typeof parseDuration> } {
  return p.acceptKw('TIMEOUT') ? { timeout: parseDuration(p) } : {};
}

function sourceAndColumns(p: Parser): { source: Identifier; columns?: Identifier[] } {
  const source = p.identifier('source');
  return p.isPunct('(') ? { source, columns: parseColumnNames(p) } : { source };
}
