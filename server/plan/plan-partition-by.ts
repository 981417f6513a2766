import { bindError } from '../bind/bind-error';
import { bindExpression } from '../bind/bind-expression';
import type { BoundExpr } from '../bind/bound-expr';
import { formatExpression } from '../sql';
import type { Expression, GroupingClause } from '../sql/ast';
import { STRING } from '../types/sql-type';
import type { Scope } from '../bind/scope';
import { walkExpression } from './ast-walk';
import type { PlanNode, ProjectNode } from './nodes';
import { scopeOf, type PlanColumn } from './plan-schema';
import type { PlannerContext } from './planner-context';
import type { SelectEntry } from './select-items';
import { sameExpression } from './planner-context';

/**
 * PARTITION BY: the projection whose key is the partitioning expressions. No operator is needed —
 * the sink writes each record under its new key (and so to the partition that key hashes to).
 * ksqlDB's rules: an explicit projection must include every partitioning expression (that item
 * becomes the key, named by its alias); with `*`, a partitioning expression that is not a plain
 * column becomes a key named KSQL_COL_n, and the old key columns move to the end of the value.
 * `PARTITION BY NULL` removes the key.
 */
export function planPartitionedProjection(
  entries: readonly SelectEntry[],
  input: PlanNode,
  relations: readonly string[],
  clause: GroupingClause,
  ctx: PlannerContext,
): ProjectNode {
  if (input.columns.some((c) => c.role === 'window')) {
    throw bindError(
      'Implicit repartitioning of windowed sources is not supported. See https://github.com/confluentinc/ksql/issues/4385.',
      clause.span,
    );
  }
  const scope = scopeOf(input.columns, relations, 'PARTITION BY');
  const exprs = clause.expressions;
  if (exprs.length === 0) throw bindError('PARTITION BY requires at least one expression', clause.span);
  const isNull = exprs.length === 1 && exprs[0]!.kind === 'NullLiteral';
  if (!isNull && exprs.some((e) => e.kind === 'NullLiteral')) {
    throw bindError('Cannot PARTITION BY multiple columns including NULL', clause.span);
  }
  const keys: BoundExpr[] = isNull ? [] : exprs.map((e) => bindPartitionExpression(e, scope, entries, ctx));
  const selectScope = scopeOf(input.columns, relations, 'SELECT');
  const star = entries.some((e) => e.inputIndex !== undefined);

  // Old key columns move behind the value columns in a `*` expansion.
  const ordered = star
    ? [
        ...entries.filter((e) => e.inputIndex === undefined || input.columns[e.inputIndex]?.role !== 'key'),
        ...entries.filter((e) => e.inputIndex !== undefined && input.columns[e.inputIndex]?.role === 'key'),
      ]
    : [...entries];
  const bound = ordered.map((entry): BoundExpr => {
    if (entry.inputIndex !== undefined) {
      const c = input.columns[entry.inputIndex]!;
      return { kind: 'Column', index: entry.inputIndex, name: c.name, type: c.type };
    }
    return bindExpression(entry.expression!, { scope: selectScope, types: ctx.types });
  });

  const keySlots: { name: string; expr: BoundExpr }[] = [];
  const used = new Set<number>();
  let synthetic = entries.filter((e) => /^KSQL_COL_\d+$/.test(e.name)).length;
  keys.forEach((key, k) => {
    const expr = exprs[k]!;
    let found = ordered.findIndex(
      (e, i) => !used.has(i) && e.expression !== undefined && sameExpression(e.expression, expr),
    );
    if (found < 0)
      found = bound.findIndex(
        (b, i) => !used.has(i) && key.kind === 'Column' && b.kind === 'Column' && b.index === key.index,
      );
    if (found >= 0) {
      const duplicate = bound.findIndex((b, i) => i !== found && sameBound(b, bound[found]!));
      if (duplicate >= 0 && ordered[duplicate]!.inputIndex === undefined) {
        throw bindError(
          `The projection contains a key column (\`${ordered[found]!.name}\`) more than once, aliased as: ${ordered[found]!.name} and ${ordered[duplicate]!.name}.`,
          clause.span,
        );
      }
      used.add(found);
      keySlots.push({ name: ordered[found]!.name, expr: bound[found]! });
      return;
    }
    if (!star || !ctx.persistent) {
      if (!ctx.persistent) {
        keySlots.push({ name: keyName(expr, synthetic++), expr: key });
        return;
      }
      const qualified = exprs.map((e) => formatQualified(e, relations[0] ?? ''));
      const what = qualified.length === 1 ? 'partitioning expression' : 'partitioning expressions';
      const list =
        qualified.length === 1
          ? qualified[0]!
          : `${qualified.slice(0, -1).join(', ')} and ${qualified[qualified.length - 1]!}`;
      throw bindError(
        `The query used to build \`${ctx.sinkName ?? 'OUTPUT'}\` must include the ${what} ${list} in its projection (eg, SELECT ${qualified.join(', ')}...).`,
        clause.span,
      );
    }
    keySlots.push({ name: keyName(expr, synthetic++), expr: key });
  });

  const values = ordered.map((e, i) => ({ name: e.name, expr: bound[i]! })).filter((_, i) => !used.has(i));
  if (ctx.persistent && values.length === 0) throw bindError('The projection contains no value columns.');
  const columns: PlanColumn[] = [
    ...keySlots.map((k): PlanColumn => ({
      name: k.name,
      type: k.expr.type ?? STRING,
      role: 'key',
      qualifiers: [],
    })),
    ...values.map((v): PlanColumn => ({
      name: v.name,
      type: v.expr.type ?? STRING,
      role: 'value',
      qualifiers: [],
    })),
  ];
  return {
    node: 'Project',
    input,
    exprs: [...keySlots.map((k) => k.expr), ...values.map((v) => v.expr)],
    columns,
    semantics: input.semantics,
  };
}

/**
 * PARTITION BY applies to the input, so a SELECT alias is not visible to it; say so when that is
 * what the user reached for.
 */
function bindPartitionExpression(
  e: Expression,
  scope: Scope,
  entries: readonly SelectEntry[],
  ctx: PlannerContext,
): BoundExpr {
  try {
    return bindExpression(e, { scope, types: ctx.types });
  } catch (error) {
    const unresolved = firstUnresolved(e, scope);
    if (unresolved && entries.some((x) => x.aliased && x.name === unresolved)) {
      throw bindError(
        `PARTITION BY column '${unresolved}' cannot be resolved. '${unresolved}' must be a column in the source schema since PARTITION BY is applied on the input.`,
        e.span,
      );
    }
    throw error;
  }
}

function firstUnresolved(e: Expression, scope: Scope): string | undefined {
  let found: string | undefined;
  walkExpression(e, (x) => {
    if (found) return false;
    if (x.kind === 'ColumnRef' && !x.source && !scope.tryResolve(x)) found = x.name.name;
    return true;
  });
  return found;
}

function keyName(e: Expression, n: number): string {
  if (e.kind === 'ColumnRef') return e.name.name;
  if (e.kind === 'Dereference') return e.field.name;
  return `KSQL_COL_${n}`;
}

function sameBound(a: BoundExpr, b: BoundExpr): boolean {
  return a.kind === 'Column' && b.kind === 'Column' && a.index === b.index;
}

/** ksqlDB names columns in these messages with their source: `ABS(INPUT.ID)`. */
function formatQualified(e: Expression, source: string): string {
  const text = formatExpression(e);
  if (!source) return text;
  return text.replace(
    /(^|[^A-Za-z0-9_.`'>])([A-Z_][A-Z0-9_]*)(?![A-Za-z0-9_(.])/g,
    (m, pre: string, name: string) =>
      ['AND', 'OR', 'NOT', 'NULL', 'TRUE', 'FALSE'].includes(name) ? m : `${pre}${source}.${name}`,
  );
}
