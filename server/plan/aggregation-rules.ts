import { bindError } from '../bind/bind-error';
import { ksqlText } from '../bind/ksql-text';
import type { Expression, FunctionCall, SelectStmt } from '../sql/ast';
import type { PlanNode } from './nodes';
import type { PlanColumn } from './plan-schema';
import { aggregateCalls } from './plan-aggregate';
import type { PlannerContext } from './planner-context';
import type { SelectEntry } from './select-items';

/**
 * A source in the KAFKA value format cannot be grouped (ksqlDB's rule: the format cannot hold the
 * aggregation's intermediate state).
 */
export function checkAggregationRules(
  stmt: SelectStmt,
  entries: readonly SelectEntry[],
  sourceNames: readonly string[],
  ctx: PlannerContext,
): void {
  const kafka = sourceNames.filter((n) => ctx.catalog.source(n)?.valueFormat.format === 'KAFKA');
  if (kafka.length > 0) {
    throw bindError(
      `Source(s) ${kafka.join(', ')} are using the 'KAFKA' value format. This format does not yet support GROUP BY.`,
      stmt.groupBy?.span,
    );
  }
}

/**
 * ksqlDB keeps aggregation state in the source's value format, so a format without compound types
 * (DELIMITED) cannot hold the state of AVG, TOPK, COLLECT_LIST… even where the result fits.
 */
export function checkIntermediateTypes(
  node: PlanNode,
  sourceNames: readonly string[],
  ctx: PlannerContext,
): void {
  if (node.node !== 'Aggregate') return;
  const formats = sourceNames.map((n) => ctx.catalog.source(n)?.valueFormat.format);
  if (!formats.includes('DELIMITED')) return;
  const compound = node.aggregates.some((a) =>
    /^(ARRAY|MAP|STRUCT)\b/.test(a.fn.intermediateDescription ?? ''),
  );
  if (compound) {
    throw bindError(
      'One of the functions used in the statement has an intermediate type that the value format can not handle. Please remove the function or change the format.',
    );
  }
}

/**
 * A persistent aggregation needs a GROUP BY: a global aggregate's table would have no key. Checked
 * once the projection is known to be valid (a non-aggregate column is reported first).
 */
export function checkGroupByPresent(
  stmt: SelectStmt,
  entries: readonly SelectEntry[],
  ctx: PlannerContext,
): void {
  if (!ctx.persistent || (stmt.groupBy?.expressions.length ?? 0) > 0) return;
  const calls: FunctionCall[] = [];
  for (const e of entries) if (e.expression) calls.push(...aggregateCalls(e.expression));
  const text = calls.map((c) => (c.star ? `${c.name.name}(ROWTIME)` : ksqlText(c)));
  throw bindError(
    `CREATE TABLE AS SELECT statement does not support aggregate function [${text.join(', ')}] without a GROUP BY clause.`,
    stmt.span,
  );
}

/**
 * `*` in an aggregation: each column it stands for is checked like a named column (grouped, or
 * else a non-aggregate error naming it), so it becomes a column reference.
 */
export function starAsColumnRefs(
  entries: readonly SelectEntry[],
  input: readonly PlanColumn[],
): SelectEntry[] {
  return entries.map((e): SelectEntry => {
    if (e.inputIndex === undefined) return e;
    const c = input[e.inputIndex]!;
    // Qualified only where the name alone is ambiguous (a join), so messages name it as written.
    const ambiguous = input.some((o, i) => i !== e.inputIndex && o.name === c.name);
    const qualifier = ambiguous ? c.qualifiers[c.qualifiers.length - 1] : undefined;
    const ident = (name: string) => ({ kind: 'Identifier' as const, name, text: name, span: e.span });
    const expression: Expression = {
      kind: 'ColumnRef',
      ...(qualifier ? { source: ident(qualifier) } : {}),
      name: ident(c.name),
      span: e.span,
    };
    return { expression, name: e.name, aliased: e.aliased, span: e.span };
  });
}
