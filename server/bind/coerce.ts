import { compileCast } from '../types/cast';
import { typeEquals, type SqlType } from '../types/sql-type';
import type { BoundExpr } from './bound-expr';

/**
 * Wraps `e` in a conversion to `to` when its type differs. A NULL literal simply takes the type;
 * literals are converted now rather than per row.
 */
export function coerceTo(e: BoundExpr, to: SqlType): BoundExpr {
  if (e.type === null) return e.kind === 'Literal' ? { ...e, type: to } : e;
  if (typeEquals(e.type, to)) return e;
  if (e.kind === 'Literal') {
    try {
      return { kind: 'Literal', value: compileCast(e.type, to)(e.value), type: to, span: e.span };
    } catch {
      // Fall through: the cast node reports the problem per row like ksqlDB.
    }
  }
  return { kind: 'Cast', value: e, from: e.type, type: to, span: e.span };
}
