import type { Span } from '../../lib/contracts/span';
import { bindError } from '../bind/bind-error';
import { bindExpression } from '../bind/bind-expression';
import type { BoundExpr } from '../bind/bound-expr';
import { isAggregate, isResolutionError, resolveAggregate } from '../exec/functions';
import { formatExpression } from '../sql';
import type { Expression, FunctionCall, SelectStmt, WindowExpr } from '../sql/ast';
import { BIGINT, type SqlType } from '../types/sql-type';
import { walkExpression } from './ast-walk';
import type { AggregateCall, AggregateNode, PlanNode, RekeyNode, WindowSpec } from './nodes';
import type { PlanColumn } from './plan-schema';
import { scopeOf } from './plan-schema';
import { sameExpression, type PlannerContext } from './planner-context';
import type { SelectEntry } from './select-items';

/** A column used after aggregation that is neither grouped nor aggregated (message built by the caller). */
export class NonAggregateColumn extends Error {
  constructor(readonly column: string) {
    super(`Non-aggregate expression not part of GROUP BY: ${column}`);
  }
}

export interface AggregationResult {
  readonly node: PlanNode;
  /** Binds a post-aggregation expression (SELECT item, HAVING) against the aggregate's output. */
  readonly substitute: (e: Expression) => BoundExpr | undefined;
  readonly window?: WindowSpec;
  readonly groupExpressions: readonly Expression[];
}

/** Every aggregate call in `e` (not inside another aggregate). */
export function aggregateCalls(e: Expression): FunctionCall[] {
  const out: FunctionCall[] = [];
  walkExpression(e, (x) => {
    if (x.kind === 'FunctionCall' && isAggregate(x.name.name)) {
      out.push(x);
      return false;
    }
    return true;
  });
  return out;
}

export function windowSpec(w: WindowExpr): WindowSpec {
  const grace = w.grace ? { graceMs: w.grace.millis } : {};
  const retention = w.retention ? { retentionMs: w.retention.millis } : {};
  switch (w.kind) {
    case 'TumblingWindow':
      return { type: 'TUMBLING', sizeMs: w.size.millis, ...grace, ...retention };
    case 'HoppingWindow':
      if (w.advance.millis <= 0 || w.advance.millis > w.size.millis) {
        throw bindError(
          'Hopping window advance must be positive and not larger than the window size',
          w.span,
        );
      }
      return { type: 'HOPPING', sizeMs: w.size.millis, advanceMs: w.advance.millis, ...grace, ...retention };
    case 'SessionWindow':
      return { type: 'SESSION', sizeMs: w.gap.millis, gapMs: w.gap.millis, ...grace, ...retention };
  }
}

/**
 * GROUP BY: a Rekey to the grouping expressions (unless the input is already keyed by them), then
 * the aggregate. Key columns are named by the SELECT item that projects the grouping expression,
 * else by the column name, else KSQL_COL_n — as ksqlDB names them.
 */
export function planAggregation(
  stmt: SelectStmt,
  input: PlanNode,
  relations: readonly string[],
  entries: readonly SelectEntry[],
  ctx: PlannerContext,
): AggregationResult {
  const groupExpressions = stmt.groupBy?.expressions ?? [];
  const inputScope = scopeOf(input.columns, relations, 'GROUP BY');
  for (const g of groupExpressions) {
    const agg = aggregateCalls(g)[0];
    if (agg) {
      throw bindError(
        `GROUP BY does not support aggregate functions: ${agg.name.name} is an aggregate function.`,
        agg.span,
      );
    }
  }
  const boundGroups = groupExpressions.map((g) => bindExpression(g, { scope: inputScope, types: ctx.types }));
  boundGroups.forEach((b, i) => {
    const earlier = boundGroups
      .slice(0, i)
      .some((x, j) => sameGroup(x, b, groupExpressions[j]!, groupExpressions[i]!));
    if (earlier) {
      const text =
        b.kind === 'Column'
          ? [input.columns[b.index]!.qualifiers.at(-1), b.name].filter(Boolean).join('.')
          : formatExpression(groupExpressions[i]!);
      throw bindError(`Duplicate GROUP BY expression: ${text}`, groupExpressions[i]!.span);
    }
  });

  // Name each key column.
  const usedNames = new Set(entries.map((e) => e.name));
  let synthetic = entries.filter((e) => /^KSQL_COL_\d+$/.test(e.name)).length;
  const keyNames = groupExpressions.map((g) => {
    const entry = entries.find((e) => e.expression && sameExpression(e.expression, g));
    if (entry) return entry.name;
    if (g.kind === 'ColumnRef') return g.name.name;
    if (g.kind === 'Dereference') return g.field.name;
    let name = `KSQL_COL_${synthetic++}`;
    while (usedNames.has(name)) name = `KSQL_COL_${synthetic++}`;
    usedNames.add(name);
    return name;
  });

  const keyedByGroups =
    input.semantics === 'stream' &&
    boundGroups.length > 0 &&
    boundGroups.every(
      (b, i) =>
        b.kind === 'Column' &&
        input.columns[b.index]?.role === 'key' &&
        countKeys(input.columns) === boundGroups.length &&
        keyIndexOf(input.columns, b.index) === i,
    );

  let grouped: PlanNode = input;
  if (!keyedByGroups) {
    const rekeyColumns: PlanColumn[] = [
      ...boundGroups.map((b, i): PlanColumn => ({
        name: keyNames[i]!,
        type: b.type ?? BIGINT,
        role: 'key',
        qualifiers: [],
      })),
      ...input.columns.map((c): PlanColumn =>
        c.role === 'key' || c.role === 'window' ? { ...c, role: 'value' } : c,
      ),
    ];
    const rekey: RekeyNode = {
      node: 'Rekey',
      input,
      keys: boundGroups,
      name: 'Aggregate-GroupBy',
      columns: rekeyColumns,
      semantics: input.semantics,
    };
    grouped = rekey;
  }
  // The computed key columns share names with the columns they came from; arguments of aggregate
  // calls refer to the latter.
  const groupedScope = scopeOf(
    grouped.columns,
    relations,
    'SELECT',
    (c) => grouped !== input && c.role === 'key',
  );

  // Collect the distinct aggregate calls of SELECT and HAVING.
  const callExprs: FunctionCall[] = [];
  for (const e of entries) if (e.expression) callExprs.push(...aggregateCalls(e.expression));
  if (stmt.having) callExprs.push(...aggregateCalls(stmt.having));
  const distinct: FunctionCall[] = [];
  for (const c of callExprs) if (!distinct.some((d) => sameExpression(d, c))) distinct.push(c);
  if (distinct.length === 0 && groupExpressions.length > 0) {
    // Report what is wrong in the SELECT first (an unknown function is not a missing aggregate).
    for (const e of entries)
      if (e.expression)
        bindExpression(e.expression, { scope: inputScope.withClause('SELECT'), types: ctx.types });
    throw bindError(
      'GROUP BY requires aggregate functions in either the SELECT or HAVING clause.',
      stmt.groupBy?.span,
    );
  }

  const aggregates: AggregateCall[] = distinct.map((call) => bindAggregateCall(call, groupedScope, ctx));
  if (input.semantics === 'table') checkTableAggregates(aggregates, stmt.groupBy?.span);
  const window = stmt.window ? windowSpec(stmt.window) : undefined;
  const keyColumns = grouped.columns.filter((c) => c.role === 'key');
  const columns: PlanColumn[] = [
    ...keyColumns.map((c): PlanColumn => ({ ...c, role: 'key' })),
    ...(window
      ? [
          { name: 'WINDOWSTART', type: BIGINT, role: 'window', qualifiers: [] } satisfies PlanColumn,
          { name: 'WINDOWEND', type: BIGINT, role: 'window', qualifiers: [] } satisfies PlanColumn,
        ]
      : []),
    ...aggregates.map((a, i): PlanColumn => ({
      name: `KSQL_AGG_VARIABLE_${i}`,
      type: a.fn.returnType,
      role: 'value',
      qualifiers: [],
    })),
  ];
  const node: AggregateNode = {
    node: 'Aggregate',
    input: grouped,
    aggregates,
    ...(window ? { window } : {}),
    columns,
    semantics: 'table',
  };

  const keyCount = keyColumns.length;
  const windowOffset = window ? 2 : 0;
  const substitute = (e: Expression): BoundExpr | undefined => {
    if (e.kind === 'FunctionCall' && isAggregate(e.name.name)) {
      const i = distinct.findIndex((d) => sameExpression(d, e));
      if (i >= 0) return column(columns, keyCount + windowOffset + i);
    }
    const g = groupExpressions.findIndex((x) => sameExpression(x, e) || sameColumn(x, e, inputScope));
    if (g >= 0) return column(columns, g);
    if (window && e.kind === 'ColumnRef' && (e.name.name === 'WINDOWSTART' || e.name.name === 'WINDOWEND')) {
      return column(columns, keyCount + (e.name.name === 'WINDOWSTART' ? 0 : 1));
    }
    if (e.kind === 'ColumnRef') throw new NonAggregateColumn(formatExpression(e));
    return undefined;
  };
  return { node, substitute, ...(window ? { window } : {}), groupExpressions };
}

function bindAggregateCall(
  call: FunctionCall,
  scope: ReturnType<typeof scopeOf>,
  ctx: PlannerContext,
): AggregateCall {
  const args: BoundExpr[] = [];
  const constants: unknown[] = [];
  const types: (SqlType | null)[] = [];
  if (!call.star) {
    for (const a of call.args) {
      for (const nested of aggregateCalls(a)) {
        throw bindError(
          `Aggregate functions can not be nested: ${call.name.name}(${nested.name.name}())`,
          nested.span,
        );
      }
      const bound = bindExpression(a, { scope, types: ctx.types });
      args.push(bound);
      types.push(bound.type);
      constants.push(bound.kind === 'Literal' ? bound.value : undefined);
    }
  }
  const resolved = resolveAggregate(call.name.name, types, constants, ctx.properties);
  if (isResolutionError(resolved)) throw bindError(resolved.message, call.span);
  return { fn: resolved, args: args.slice(0, resolved.paramTypes.length), text: formatExpression(call) };
}

function column(columns: readonly PlanColumn[], index: number): BoundExpr {
  const c = columns[index]!;
  return { kind: 'Column', index, name: c.name, type: c.type };
}

function countKeys(columns: readonly PlanColumn[]): number {
  return columns.filter((c) => c.role === 'key').length;
}

function keyIndexOf(columns: readonly PlanColumn[], index: number): number {
  return columns.slice(0, index).filter((c) => c.role === 'key').length;
}

function sameColumn(a: Expression, b: Expression, scope: ReturnType<typeof scopeOf>): boolean {
  if (a.kind !== 'ColumnRef' || b.kind !== 'ColumnRef') return false;
  const ra = scope.tryResolve(a);
  const rb = scope.tryResolve(b);
  return ra !== undefined && ra === rb;
}

/** The same grouping twice: one column however it is written, or the same expression text. */
function sameGroup(a: BoundExpr, b: BoundExpr, ea: Expression, eb: Expression): boolean {
  if (a.kind === 'Column' && b.kind === 'Column') return a.index === b.index;
  return sameExpression(ea, eb);
}

/** Aggregating a table retracts each row's previous version, so every aggregate must be able to undo. */
function checkTableAggregates(aggregates: readonly AggregateCall[], span: Span | undefined): void {
  const names = [...new Set(aggregates.filter((a) => !a.fn.supportsUndo).map((a) => a.fn.name))];
  if (names.length === 0) return;
  const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
  throw bindError(
    `The aggregation function${names.length === 1 ? '' : 's'} ${list} cannot be applied to a table source, only to a stream source.`,
    span,
  );
}
