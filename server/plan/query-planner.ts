import { bindError } from '../bind/bind-error';
import { bindExpression, type ExpressionContext } from '../bind/bind-expression';
import type { BoundExpr } from '../bind/bound-expr';
import { isResolutionError, isTableFunction, resolveTableFunction, type ArgShape } from '../exec/functions';
import { formatExpression } from '../sql';
import type { Expression, FunctionCall, SelectStmt } from '../sql/ast';
import type { WindowInfo } from '../types/formats';
import { walkExpression } from './ast-walk';
import type { FilterNode, FlatMapNode, PlanNode, SuppressNode, TableFunctionCall } from './nodes';
import {
  NonAggregateColumn,
  aggregateCalls,
  planAggregation,
  type AggregationResult,
} from './plan-aggregate';
import { planFrom } from './plan-from';
import { isJoinOutput, planJoinProjection } from './plan-join-projection';
import { planPartitionedProjection } from './plan-partition-by';
import { planProjection } from './plan-projection';
import { SYSTEM_COLUMN_NAMES, scopeOf, type PlanColumn } from './plan-schema';
import { sameExpression, type PlannerContext } from './planner-context';
import type { QueryPlan } from './query-plan';
import { expandSelectItems, type SelectEntry } from './select-items';
import { checkAggregationWindowBounds, checkWhereWindowBounds } from './window-bounds';
import {
  checkAggregationRules,
  checkGroupByPresent,
  checkIntermediateTypes,
  starAsColumnRefs,
} from './aggregation-rules';
import { checkSystemColumnsAliased, checkUniqueColumnNames } from './projection-rules';

/** Plans a SELECT (push, pull, or the body of a persistent query). Pure: no I/O. */
export function planQuery(stmt: SelectStmt, ctx: PlannerContext): QueryPlan {
  const from = planFrom(stmt, ctx);
  let node: PlanNode = from.node;
  const relations = from.relations.map((r) => r.alias);

  if (stmt.where) {
    checkWhereWindowBounds(stmt.where, node.columns);
    const predicate = bindExpression(stmt.where, {
      scope: scopeOf(node.columns, relations, 'WHERE'),
      types: ctx.types,
    });
    if (predicate.type !== null && predicate.type.kind !== 'BOOLEAN') {
      throw bindError(
        `Type error in WHERE expression: Should be BOOLEAN but is ${predicate.type.kind}`,
        stmt.where.span,
      );
    }
    node = {
      node: 'Filter',
      input: node,
      predicate,
      columns: node.columns,
      semantics: node.semantics,
    } satisfies FilterNode;
  }

  let entries = expandSelectItems(stmt, node.columns, from.relations, from.relations.length > 1);
  entries = expandStructStars(entries, node, relations, ctx);
  checkReservedNames(entries);
  if (ctx.persistent) checkSystemColumnsAliased(entries);

  // Table functions run before aggregation and projection; their results become input columns.
  const tableCalls = collectTableFunctions(entries);
  const tableSubstitutes = new Map<string, number>();
  if (tableCalls.length > 0) {
    const scope = scopeOf(node.columns, relations);
    const calls: TableFunctionCall[] = tableCalls.map((call) => {
      const args = call.args.map((a) => bindExpression(a, { scope, types: ctx.types }));
      const shapes: ArgShape[] = args.map((a) => ({ kind: 'value', type: a.type }));
      const fn = resolveTableFunction(call.name.name, shapes);
      if (isResolutionError(fn)) throw bindError(fn.message, call.span);
      return { fn, args };
    });
    const columns: PlanColumn[] = [
      ...node.columns,
      ...calls.map((c, i): PlanColumn => ({
        name: `KSQL_SYNTH_${i}`,
        type: c.fn.returnType,
        role: 'value',
        qualifiers: [],
      })),
    ];
    tableCalls.forEach((c, i) => tableSubstitutes.set(formatExpression(c), node.columns.length + i));
    node = { node: 'FlatMap', input: node, calls, columns, semantics: node.semantics } satisfies FlatMapNode;
  }

  const aggregating =
    (stmt.groupBy?.expressions.length ?? 0) > 0 ||
    entries.some((e) => e.expression && aggregateCalls(e.expression).length > 0);
  let aggregation: AggregationResult | undefined;
  let substitute: ExpressionContext['substitute'];
  const tableSubstitute = (e: Expression): BoundExpr | undefined => {
    const i = tableSubstitutes.get(formatExpression(e));
    if (i === undefined) return undefined;
    const c = node.columns[i]!;
    return { kind: 'Column', index: i, name: c.name, type: c.type };
  };
  if (tableSubstitutes.size > 0) substitute = tableSubstitute;

  if (aggregating) {
    if (stmt.partitionBy)
      throw bindError('PARTITION BY and GROUP BY in the same query are not supported', stmt.partitionBy.span);
    checkAggregationWindowBounds(stmt, entries, node.columns);
    checkAggregationRules(
      stmt,
      entries,
      from.relations.map((r) => r.sourceName),
      ctx,
    );
    entries = starAsColumnRefs(entries, node.columns);
    aggregation = planAggregation(stmt, node, relations, entries, ctx);
    checkIntermediateTypes(
      aggregation.node,
      from.relations.map((r) => r.sourceName),
      ctx,
    );
    node = aggregation.node;
    substitute = aggregation.substitute;
    if (stmt.having) {
      let predicate: BoundExpr;
      try {
        predicate = bindExpression(stmt.having, {
          scope: scopeOf(node.columns, [], 'HAVING'),
          types: ctx.types,
          substitute,
        });
      } catch (error) {
        if (error instanceof NonAggregateColumn) {
          throw bindError(
            `Non-aggregate HAVING expression not part of GROUP BY: ${error.column}`,
            stmt.having.span,
          );
        }
        throw error;
      }
      node = {
        node: 'Filter',
        input: node,
        predicate,
        columns: node.columns,
        semantics: node.semantics,
      } satisfies FilterNode;
    }
  } else if (stmt.having) {
    throw bindError('HAVING requires GROUP BY', stmt.having.span);
  } else if (stmt.window) {
    throw bindError('WINDOW clause requires a GROUP BY clause.', stmt.window.span);
  }

  const projection = stmt.partitionBy
    ? { node: planPartitionedProjection(entries, node, relations, stmt.partitionBy, ctx) }
    : ctx.persistent && !aggregation && isJoinOutput(node)
      ? { node: planJoinProjection(entries, node, relations, ctx, substitute) }
      : planProjection(
          entries,
          node,
          relations,
          ctx,
          substitute,
          aggregation,
          undefined,
          from.relations.length > 1,
        );
  node = projection.node;
  if (aggregation) checkGroupByPresent(stmt, entries, ctx);

  if (stmt.emit === 'FINAL') {
    if (!aggregation?.window)
      throw bindError('EMIT FINAL is only supported for windowed aggregations.', stmt.span);
    node = {
      node: 'Suppress',
      input: node,
      window: aggregation.window,
      columns: node.columns,
      semantics: node.semantics,
    } satisfies SuppressNode;
  }

  const window: WindowInfo | undefined = aggregation?.window
    ? {
        type: aggregation.window.type,
        ...(aggregation.window.type !== 'SESSION' ? { sizeMs: aggregation.window.sizeMs } : {}),
        ...(aggregation.window.advanceMs !== undefined ? { advanceMs: aggregation.window.advanceMs } : {}),
      }
    : from.window;
  checkUniqueColumnNames(node.columns.filter((c) => !c.hidden));
  return {
    root: node,
    columns: node.columns,
    semantics: node.semantics,
    ...(window ? { window } : {}),
    sources: from.relations.map((r) => r.sourceName),
    ...(stmt.limit !== undefined ? { limit: stmt.limit } : {}),
    emit: stmt.emit ?? 'NONE',
  };
}

function collectTableFunctions(entries: readonly SelectEntry[]): FunctionCall[] {
  const calls: FunctionCall[] = [];
  for (const e of entries) {
    if (!e.expression) continue;
    walkExpression(e.expression, (x) => {
      if (x.kind === 'FunctionCall' && isTableFunction(x.name.name)) {
        if (!calls.some((c) => sameExpression(c, x))) calls.push(x);
        return false;
      }
      return true;
    });
  }
  return calls;
}

function expandStructStars(
  entries: SelectEntry[],
  node: PlanNode,
  relations: readonly string[],
  ctx: PlannerContext,
): SelectEntry[] {
  if (!entries.some((e) => e.structAll)) return entries;
  const scope = scopeOf(node.columns, relations);
  return entries.flatMap((e): SelectEntry[] => {
    if (!e.structAll) return [e];
    const base = bindExpression(e.structAll, { scope, types: ctx.types });
    if (base.type?.kind !== 'STRUCT') throw bindError('Only STRUCT columns can be expanded with ->*', e.span);
    return base.type.fields.map((f) => ({
      expression: {
        kind: 'Dereference',
        base: e.structAll!,
        field: { kind: 'Identifier', name: f.name, text: f.name, span: e.span },
        span: e.span,
      },
      name: f.name,
      aliased: false,
      span: e.span,
    }));
  });
}

function checkReservedNames(entries: readonly SelectEntry[]): void {
  for (const e of entries) {
    if (e.aliased && SYSTEM_COLUMN_NAMES.includes(e.name)) {
      throw bindError(
        `\`${e.name}\` is a reserved column name. You cannot use it as an alias for a column.`,
        e.span,
      );
    }
  }
}
