import { bindError } from '../bind/bind-error';
import type { ColumnRef, Expression, SelectStmt } from '../sql/ast';
import { walkExpression } from './ast-walk';
import type { PlanColumn } from './plan-schema';
import { aggregateCalls } from './plan-aggregate';
import type { SelectEntry } from './select-items';

/**
 * WINDOWSTART and WINDOWEND of a windowed aggregation exist only in its output: the SELECT may
 * project them, but WHERE, GROUP BY, HAVING and aggregate arguments run before the window is known.
 * (A windowed source has them as real columns; then nothing here applies.)
 */
export function checkWhereWindowBounds(where: Expression, input: readonly PlanColumn[]): void {
  if (hasWindowColumns(input)) return;
  const ref = firstWindowBound(where);
  if (ref) throw bindError(`Error in WHERE expression: Unknown column ${ref.name.name}.`, ref.span);
}

export function checkAggregationWindowBounds(
  stmt: SelectStmt,
  entries: readonly SelectEntry[],
  input: readonly PlanColumn[],
): void {
  if (hasWindowColumns(input)) return;
  const places: Expression[] = [...(stmt.groupBy?.expressions ?? [])];
  for (const e of entries) if (e.expression) places.push(...aggregateCalls(e.expression));
  if (stmt.having) places.push(stmt.having);
  for (const place of places) {
    const ref = firstWindowBound(place);
    if (ref) {
      throw bindError(
        `Window bounds column ${ref.name.name} can only be used in the SELECT clause of windowed aggregations`,
        ref.span,
      );
    }
  }
}

function hasWindowColumns(columns: readonly PlanColumn[]): boolean {
  return columns.some((c) => c.role === 'window');
}

function firstWindowBound(e: Expression): ColumnRef | undefined {
  let found: ColumnRef | undefined;
  walkExpression(e, (x) => {
    if (found) return false;
    if (x.kind === 'ColumnRef' && (x.name.name === 'WINDOWSTART' || x.name.name === 'WINDOWEND')) {
      found = x;
      return false;
    }
    return true;
  });
  return found;
}
