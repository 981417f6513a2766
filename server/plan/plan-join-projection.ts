import { bindError } from '../bind/bind-error';
import { bindExpression, type ExpressionContext } from '../bind/bind-expression';
import type { BoundExpr } from '../bind/bound-expr';
import { STRING } from '../types/sql-type';
import type { PlanNode, ProjectNode } from './nodes';
import { orList } from './plan-join-text';
import { SYSTEM_COLUMN_NAMES, scopeOf, type PlanColumn } from './plan-schema';
import type { PlannerContext } from './planner-context';
import type { SelectEntry } from './select-items';

/** True when the row is a join's output (or a filter over one): its key follows join rules. */
export function isJoinOutput(node: PlanNode): boolean {
  return node.columns.some((c) => c.role === 'key' && c.joinKey !== undefined);
}

/**
 * The projection of a persistent query over a join. The sink's key is the join key; ksqlDB's
 * rule is that the projection names it through one of the join expressions (or the synthetic
 * `ROWKEY`): the first such item becomes the key column, under that item's name, and carries the
 * join key's value — also on rows where that item's own side is missing. The other items are
 * values, in SELECT order.
 */
export function planJoinProjection(
  entries: readonly SelectEntry[],
  input: PlanNode,
  relations: readonly string[],
  ctx: PlannerContext,
  substitute?: ExpressionContext['substitute'],
): ProjectNode {
  const scope = scopeOf(input.columns, relations, 'SELECT');
  const bound = entries.map((entry): BoundExpr => {
    if (entry.inputIndex !== undefined) {
      const c = input.columns[entry.inputIndex]!;
      return { kind: 'Column', index: entry.inputIndex, name: c.name, type: c.type };
    }
    return bindExpression(entry.expression!, { scope, types: ctx.types, substitute });
  });
  const sink = ctx.sinkName ?? 'OUTPUT';

  const used = new Set<number>();
  const keys: { name: string; expr: BoundExpr }[] = [];
  input.columns.forEach((c, index) => {
    const info = c.joinKey;
    if (c.role !== 'key' || !info) return;
    // The join expressions in order (left before right, earlier joins first), then the key itself:
    // the first one the projection names becomes the key, wherever it sits in the projection.
    const found =
      [...info.viable, index]
        .map((column) => bound.findIndex((b, i) => !used.has(i) && b.kind === 'Column' && b.index === column))
        .find((i) => i >= 0) ?? -1;
    if (found < 0) throw bindError(missingKey(sink, c.name, info.expressions, info.synthetic));
    const chosen = bound[found]!;
    const again = bound.findIndex(
      (b, i) => i !== found && entries[i]!.inputIndex === undefined && sameColumn(b, chosen),
    );
    if (again >= 0) {
      const names = [entries[found]!.name, entries[again]!.name].sort();
      throw bindError(
        `The projection contains a key column (\`${entries[found]!.name}\`) more than once, aliased as: ${names.join(' and ')}.`,
        entries[again]!.span,
      );
    }
    used.add(found);
    keys.push({ name: entries[found]!.name, expr: { kind: 'Column', index, name: c.name, type: c.type } });
  });

  const values: { name: string; expr: BoundExpr }[] = [];
  entries.forEach((entry, i) => {
    if (used.has(i)) return;
    if (entry.inputIndex !== undefined && input.columns[entry.inputIndex]?.role === 'window') return;
    if (!entry.aliased && SYSTEM_COLUMN_NAMES.includes(entry.name)) {
      throw bindError(
        `Reserved column name in select: \`${entry.name}\`. Please remove or alias the column.`,
        entry.span,
      );
    }
    values.push({ name: entry.name, expr: bound[i]! });
  });
  if (values.length === 0) throw bindError('The projection contains no value columns.');

  const windows = input.columns.map((c, index) => ({ c, index })).filter(({ c }) => c.role === 'window');
  const columns: PlanColumn[] = [
    ...keys.map((k): PlanColumn => ({
      name: k.name,
      type: k.expr.type ?? STRING,
      role: 'key',
      qualifiers: [],
    })),
    ...windows.map(({ c }): PlanColumn => ({ name: c.name, type: c.type, role: 'window', qualifiers: [] })),
    ...values.map((v): PlanColumn => ({
      name: v.name,
      type: v.expr.type ?? STRING,
      role: 'value',
      qualifiers: [],
    })),
  ];
  const exprs: BoundExpr[] = [
    ...keys.map((k) => k.expr),
    ...windows.map(({ c, index }): BoundExpr => ({ kind: 'Column', index, name: c.name, type: c.type })),
    ...values.map((v) => v.expr),
  ];
  return { node: 'Project', input, exprs, columns, semantics: input.semantics };
}

function sameColumn(a: BoundExpr, b: BoundExpr): boolean {
  return a.kind === 'Column' && b.kind === 'Column' && a.index === b.index;
}

function missingKey(sink: string, name: string, expressions: readonly string[], synthetic: boolean): string {
  if (synthetic) {
    return (
      'Key missing from projection (ie, SELECT). See https://cnfl.io/2LV7ouS.\n' +
      `The query used to build \`${sink}\` must include the join expression ${name} in its projection (eg, SELECT ${name}...).\n` +
      `${name} was added as a synthetic key column because the join criteria did not match any source column. ` +
      'This expression must be included in the projection and may be aliased.'
    );
  }
  const what = expressions.length === 1 ? 'join expression' : 'join expressions';
  return `The query used to build \`${sink}\` must include the ${what} ${orList(expressions)} in its projection (eg, SELECT ${expressions[0] ?? ''}...).`;
}
