import { bindError } from '../../bind/bind-error';
import type { OrderItem } from '../../sql/ast';
import { compareNullsLast } from '../../types/compare';
import type { ResultColumn, ResultRow } from './query-handle';

/**
 * Kappa's ORDER BY … [ASC|DESC] for pull queries: by output column name or 1-based position.
 * Sorting a finite result is cheap, and it is what ksqlDB users asked for (#1572, #7790).
 */
export function orderComparator(
  items: readonly OrderItem[],
  columns: readonly ResultColumn[],
): (a: ResultRow, b: ResultRow) => number {
  const keys = items.map((item) => {
    const e = item.expression;
    let index = -1;
    if (e.kind === 'ColumnRef' && !e.source) index = columns.findIndex((c) => c.name === e.name.name);
    else if (e.kind === 'ColumnRef' && e.source) index = columns.findIndex((c) => c.name === e.name.name);
    else if (e.kind === 'IntegerLiteral') index = e.value - 1;
    if (index < 0 || index >= columns.length) {
      throw bindError('ORDER BY takes a column of the result (by name or 1-based position)', item.span);
    }
    return { index, sign: item.direction === 'DESC' ? -1 : 1 };
  });
  return (a, b) => {
    for (const k of keys) {
      const c = compareNullsLast(a.values[k.index], b.values[k.index]);
      if (c !== 0) return c * k.sign;
    }
    return 0;
  };
}
