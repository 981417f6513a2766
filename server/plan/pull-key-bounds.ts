import { bindError } from '../bind/bind-error';
import { ksqlText } from '../bind/ksql-text';
import type { ComparisonOp, Expression } from '../sql/ast';
import type { Column } from '../types/logical-schema';
import { someExpression } from './ast-walk';

/** One constraint a disjunct puts on a key column. */
export interface KeyBound {
  readonly key: Column;
  readonly op: ComparisonOp | 'IN' | 'BETWEEN';
}

export interface Disjunct {
  readonly bounds: readonly KeyBound[];
  /** The disjunct as ksqlDB prints it in messages: `(COUNT = 100)`. */
  readonly text: string;
}

/** More disjuncts than this after distributing AND over OR is not a key lookup anyway. */
const MAX_DISJUNCTS = 64;

/**
 * The WHERE clause in disjunctive normal form, each disjunct reduced to the constraints it puts
 * on key columns. Conditions on other columns (and on WINDOWSTART/WINDOWEND) are filters and
 * constrain nothing; a condition that uses a key column in any other way than `key op value` is
 * refused with ksqlDB's message.
 */
export function lookupBounds(where: Expression, keys: readonly Column[]): Disjunct[] {
  return disjunctiveForm(where).map((conjuncts) => ({
    bounds: conjuncts.flatMap((c) => boundsOf(c, keys)),
    text: conjuncts.map((c) => ksqlText(c)).join(' AND '),
  }));
}

function disjunctiveForm(e: Expression): Expression[][] {
  if (e.kind === 'Logical' && e.op === 'OR') return [...disjunctiveForm(e.left), ...disjunctiveForm(e.right)];
  if (e.kind === 'Logical' && e.op === 'AND') {
    const left = disjunctiveForm(e.left);
    const right = disjunctiveForm(e.right);
    if (left.length * right.length > MAX_DISJUNCTS) {
      throw bindError(
        'Query requires table scan to be enabled: its WHERE clause has too many disjuncts',
        e.span,
      );
    }
    return left.flatMap((l) => right.map((r) => [...l, ...r]));
  }
  return [[e]];
}

const FLIPPED: Record<ComparisonOp, ComparisonOp> = {
  '=': '=',
  '<>': '<>',
  '<': '>',
  '<=': '>=',
  '>': '<',
  '>=': '<=',
};

function boundsOf(e: Expression, keys: readonly Column[]): KeyBound[] {
  const usesKey = (x: Expression): boolean =>
    someExpression(x, (y) => y.kind === 'ColumnRef' && keys.some((k) => k.name === y.name.name));
  const usesColumn = (x: Expression): boolean => someExpression(x, (y) => y.kind === 'ColumnRef');
  const unresolvable = (): never => {
    throw bindError('A comparison must be between a key column and a resolvable expression.', e.span);
  };
  switch (e.kind) {
    case 'Comparison': {
      const left = keyOf(e.left, keys);
      const right = keyOf(e.right, keys);
      if (!left && !right) {
        if (usesKey(e)) throw bindError('A comparison must directly reference a key column.', e.span);
        return [];
      }
      if (left && right) return unresolvable();
      if (usesColumn(left ? e.right : e.left)) return unresolvable();
      return [{ key: (left ?? right)!, op: left ? e.op : FLIPPED[e.op] }];
    }
    case 'InList': {
      const key = keyOf(e.value, keys);
      if (!key) break;
      if (e.list.some(usesColumn)) return unresolvable();
      return [{ key, op: e.negated ? '<>' : 'IN' }];
    }
    case 'Between': {
      const key = keyOf(e.value, keys);
      if (!key) break;
      if (usesColumn(e.low) || usesColumn(e.high)) return unresolvable();
      return [{ key, op: e.negated ? '<>' : 'BETWEEN' }];
    }
    case 'Like':
      throw bindError(
        'Like condition must be between strings and needs a table scan: set ksql.query.pull.table.scan.enabled=true',
        e.span,
      );
    default:
      break;
  }
  if (usesKey(e)) throw bindError('A comparison must directly reference a key column.', e.span);
  return [];
}

function keyOf(e: Expression, keys: readonly Column[]): Column | undefined {
  return e.kind === 'ColumnRef' ? keys.find((k) => k.name === e.name.name) : undefined;
}
