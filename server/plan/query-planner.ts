import { bindError } from '../bind/bind-error';
import { bindExpression, type ExpressionContext } from '../bind/bind-expression';
import type { BoundExpr } from '../bind/bound-expr';
import { isResolutionError, isTableFunction, resolveTableFunction, type ArgShape } from '../exec/functions';
import { formatExpression } from '../sql';
import type { Expression, FunctionCall, SelectStmt } from '../sql/ast';
import type { WindowInfo } from '../types/formats';
import { STRING } from '../types/sql-type';
import { walkExpression } from './ast-walk';
import type {
  FilterNode,
  FlatMapNode,
  PlanNode,
  ProjectNode,
  SuppressNode,
  TableFunctionCall,
} from './nodes';
import {
  NonAggregateColumn,
  aggregateCalls,
  planAggregation,
  type AggregationResult,
} from './plan-aggregate';
import { ksqlText } from '../bind/ksql-text';
import { planFrom } from './plan-from';
import { isJoinOutput, planJoinProjection } from './plan-join-projection';
import { planPartitionedProjection } from './plan-partition-by';
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
import {
  checkKeyProjectedOnce,
  checkSystemColumnsAliased,
  checkUniqueColumnNames,
  missingKeyMessage,
} from './projection-rules';

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
  if (ctx.persistent) checkUniqueColumnNames(node.columns);
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

interface ProjectionResult {
  readonly node: ProjectNode;
}

/**
 * The final projection. For persistent queries the output is laid out as the sink stores it (key
 * columns first, in key order) and ksqlDB's rule applies: the projection must include the key.
 */
function planProjection(
  entries: readonly SelectEntry[],
  input: PlanNode,
  relations: readonly string[],
  ctx: PlannerContext,
  substitute: ExpressionContext['substitute'],
  aggregation: AggregationResult | undefined,
  partitionKeys: readonly Expression[] | undefined,
  joined: boolean,
): ProjectionResult {
  const scope = scopeOf(input.columns, relations, 'SELECT');
  const nonAggregate: string[] = [];
  const bound = entries.map((entry): BoundExpr => {
    if (entry.inputIndex !== undefined) {
      const c = input.columns[entry.inputIndex]!;
      if (aggregation && c.role !== 'key') nonAggregate.push(c.name);
      return { kind: 'Column', index: entry.inputIndex, name: c.name, type: c.type };
    }
    try {
      return bindExpression(entry.expression!, { scope, types: ctx.types, substitute });
    } catch (error) {
      if (!(error instanceof NonAggregateColumn)) throw error;
      nonAggregate.push(ksqlText(entry.expression!));
      return { kind: 'Literal', value: null, type: null };
    }
  });
  if (nonAggregate.length > 0) {
    throw bindError(
      `Non-aggregate SELECT expression(s) not part of GROUP BY: ${nonAggregate.join(', ')}\nEither add the column(s) to the GROUP BY or remove them from the SELECT.`,
    );
  }
  // Which input key column (or window bound) each SELECT item projects, if any.
  const keySlots = input.columns
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => c.role === 'key' || c.role === 'window');
  const itemKeySlot = bound.map((b) =>
    b.kind === 'Column' ? keySlots.findIndex((k) => k.i === b.index) : -1,
  );

  const keyed = input.columns.some((c) => c.role === 'key');
  if (!ctx.persistent) {
    const columns = entries.map((entry, i): PlanColumn => {
      const slot = itemKeySlot[i]!;
      const role = slot >= 0 ? keySlots[slot]!.c.role : 'value';
      return { name: entry.name, type: bound[i]!.type ?? STRING, role, qualifiers: [] };
    });
    return { node: { node: 'Project', input, exprs: bound, columns, semantics: input.semantics } };
  }

  const untyped = entries.findIndex((_, i) => bound[i]!.type === null);
  if (untyped >= 0) {
    throw bindError(
      "Can't infer a type of null. Please explicitly cast it to a required type, e.g. CAST(null AS VARCHAR).",
      entries[untyped]!.span,
    );
  }
  // Persistent: every key column must be projected (window bounds live in the record key).
  const keyColumns = keySlots.filter(({ c }) => c.role === 'key');
  const missing = keyColumns.filter((k) => !bound.some((b) => b.kind === 'Column' && b.index === k.i));
  if (keyed && missing.length > 0) {
    const sink = ctx.sinkName ?? 'OUTPUT';
    if (joined)
      throw bindError(
        joinKeyMessage(
          sink,
          missing.map((m) => m.c.name),
        ),
      );
    throw bindError(
      missingKeyMessage(
        sink,
        aggregation
          ? { groupExpressions: missing.map((m) => aggregation.groupExpressions[keyColumns.indexOf(m)]!) }
          : { keyColumns: keyColumns.map((k) => k.c.name) },
      ),
    );
  }
  if (!joined) {
    for (const k of keyColumns) {
      const aliases = entries.filter((_, i) => keySlots[itemKeySlot[i]!] === k).map((e) => e.name);
      checkKeyProjectedOnce(k.c.name, aliases, aggregation !== undefined);
    }
  }
  const keyOut: { name: string; expr: BoundExpr; slot: number }[] = [];
  const valueOut: { name: string; expr: BoundExpr }[] = [];
  entries.forEach((entry, i) => {
    // System columns only reach a sink's value under another name.
    // `*` on a windowed source: the window bounds stay in the key, not in the value.
    if (entry.inputIndex !== undefined && input.columns[entry.inputIndex]?.role === 'window') return;
    if (!entry.aliased && SYSTEM_COLUMN_NAMES.includes(entry.name)) {
      throw bindError(
        `Reserved column name in select: \`${entry.name}\`. Please remove or alias the column.`,
        entry.span,
      );
    }
    const slot = itemKeySlot[i]!;
    const isKey = slot >= 0 && keySlots[slot]!.c.role === 'key' && !keyOut.some((k) => k.slot === slot);
    if (isKey) keyOut.push({ name: entry.name, expr: bound[i]!, slot });
    else valueOut.push({ name: entry.name, expr: bound[i]! });
  });
  keyOut.sort((a, b) => a.slot - b.slot);
  if (valueOut.length === 0) throw bindError('The projection contains no value columns.');
  const windowCols = input.columns.map((c, i) => ({ c, i })).filter(({ c }) => c.role === 'window');
  const columns: PlanColumn[] = [
    ...keyOut.map((k): PlanColumn => ({
      name: k.name,
      type: k.expr.type ?? STRING,
      role: 'key',
      qualifiers: [],
    })),
    ...windowCols.map(({ c }): PlanColumn => ({ ...c, qualifiers: [] })),
    ...valueOut.map((v): PlanColumn => ({
      name: v.name,
      type: v.expr.type ?? STRING,
      role: 'value',
      qualifiers: [],
    })),
  ];
  const exprs: BoundExpr[] = [
    ...keyOut.map((k) => k.expr),
    ...windowCols.map(({ c, i }): BoundExpr => ({ kind: 'Column', index: i, name: c.name, type: c.type })),
    ...valueOut.map((v) => v.expr),
  ];
  return { node: { node: 'Project', input, exprs, columns, semantics: input.semantics } };
}

function joinKeyMessage(sink: string, names: readonly string[]): string {
  const list =
    names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]!}`;
  return `The query used to build \`${sink}\` must include the join expression ${list} in its projection (eg, SELECT ${names[0]}...).`;
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
