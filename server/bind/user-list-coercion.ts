import { typeEquals, type SqlType } from '../types/sql-type';
import type { BoundExpr } from './bound-expr';
import { coerceTo } from './coerce';
import { resolveListType, type ListItem } from './user-list-type';

export { ListCoercionError, type ListItem } from './user-list-type';

/**
 * Converts a user-supplied list (IN's value and items, constructor elements) to its common type:
 * literals are converted now, constructors element by element (a STRUCT constructor gains the
 * fields it lacks as NULL), anything else through a CAST. Throws ListCoercionError with ksqlDB's
 * message when the items have no common type. `type` is null when every item is NULL.
 */
export function coerceUserList(items: readonly ListItem[]): {
  readonly type: SqlType | null;
  readonly exprs: BoundExpr[];
} {
  const type = resolveListType(items);
  if (type === undefined) return { type: null, exprs: items.map((i) => i.bound) };
  return { type, exprs: items.map((i) => convert(i.bound, type)) };
}

function convert(e: BoundExpr, to: SqlType): BoundExpr {
  if (e.type === null || typeEquals(e.type, to)) return coerceTo(e, to);
  if (e.kind === 'Array' && to.kind === 'ARRAY') {
    return { ...e, elements: e.elements.map((x) => convert(x, to.element)), type: to };
  }
  if (e.kind === 'Map' && to.kind === 'MAP') {
    const entries = e.entries.map((x) => ({
      key: convert(x.key, to.key),
      value: convert(x.value, to.value),
    }));
    return { ...e, entries, type: to };
  }
  if (e.kind === 'Struct' && to.kind === 'STRUCT') {
    const fields = to.fields.map((f) => {
      const given = e.fields.find((g) => g.name === f.name);
      const value: BoundExpr = given
        ? convert(given.value, f.type)
        : { kind: 'Literal', value: null, type: f.type };
      return { name: f.name, value };
    });
    return { ...e, fields, type: to };
  }
  return coerceTo(e, to);
}
