import { formatExpression } from '../sql';
import type { Expression } from '../sql/ast';
import { canImplicitlyCast, literalStringType } from '../types/coercion';
import { formatType, typeEquals, type SqlType } from '../types/sql-type';
import { bindError } from './bind-error';
import type { BoundExpr } from './bound-expr';
import { coerceTo } from './coerce';

/**
 * Converts an expression to `target` the way ksqlDB's IN and comparisons do: implicit widening,
 * STRING literals parsed into the target type, and constructors (ARRAY[…], MAP(…), STRUCT(…))
 * converted element by element, so `ARRAY['3', null]` fits ARRAY<BIGINT>. Errors use ksqlDB's
 * "Invalid Predicate: …" wording, naming the offending expression.
 */
export function coerceForPredicate(e: BoundExpr, target: SqlType, source: Expression | undefined): BoundExpr {
  const result = tryCoerce(e, target);
  if (typeof result !== 'string') return result;
  throw bindError(`Invalid Predicate: ${result}`, e.span);
  function tryCoerce(x: BoundExpr, t: SqlType): BoundExpr | string {
    if (x.type === null) return coerceTo(x, t);
    if (typeEquals(x.type, t)) return x;
    if (x.kind === 'Literal' && typeof x.value === 'string' && x.type.kind === 'STRING') {
      const fits = literalStringType(x.value, t);
      if (typeof fits === 'string') return `${fits}.`;
      return coerceTo(x, t);
    }
    if (x.kind === 'Array' && t.kind === 'ARRAY') {
      const elements: BoundExpr[] = [];
      for (const el of x.elements) {
        const c = tryCoerce(el, t.element);
        if (typeof c === 'string') return c;
        elements.push(c);
      }
      return { ...x, elements, type: t };
    }
    if (x.kind === 'Map' && t.kind === 'MAP') {
      const entries: { key: BoundExpr; value: BoundExpr }[] = [];
      for (const en of x.entries) {
        const k = tryCoerce(en.key, t.key);
        if (typeof k === 'string') return k;
        const v = tryCoerce(en.value, t.value);
        if (typeof v === 'string') return v;
        entries.push({ key: k, value: v });
      }
      return { ...x, entries, type: t };
    }
    if (x.kind === 'Struct' && t.kind === 'STRUCT') {
      const fields: { name: string; value: BoundExpr }[] = [];
      for (const f of t.fields) {
        const given = x.fields.find((g) => g.name === f.name);
        if (!given) {
          fields.push({ name: f.name, value: { kind: 'Literal', value: null, type: f.type } });
          continue;
        }
        const c = tryCoerce(given.value, f.type);
        if (typeof c === 'string') return c;
        fields.push({ name: f.name, value: c });
      }
      if (x.fields.every((g) => t.fields.some((f) => f.name === g.name))) return { ...x, fields, type: t };
    }
    if (canImplicitlyCast(x.type, t)) return coerceTo(x, t);
    const what = source ? ` (${formatExpression(source)})` : '';
    return `operator does not exist: ${formatType(t)} = ${formatType(x.type)}${what}\nHint: You might need to add explicit type casts.`;
  }
}
