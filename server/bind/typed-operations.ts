import type { Span } from '../../lib/contracts/span';
import { canCompare, commonSuperType, comparisonType, type CoercionInput } from '../types/coercion';
import { asDecimalShape } from '../types/coercion';
import {
  decimalAddShape,
  decimalDivideShape,
  decimalModuloShape,
  decimalMultiplyShape,
  type DecimalShape,
} from '../types/decimal';
import { STRING, decimal, formatType, isNumeric, type SqlType } from '../types/sql-type';
import { bindError } from './bind-error';
import type { BoundExpr } from './bound-expr';
import { coerceTo } from './coerce';

/**
 * Typing rules of operators over already-bound operands: struct and collection access,
 * arithmetic result types, comparison and common-type coercion, CASE. Pure functions; the
 * expression binder (bind-expression.ts) calls them.
 */

export function dereference(base: BoundExpr, fieldName: string, span: Span): BoundExpr {
  if (base.type === null) return { kind: 'Literal', value: null, type: null, span };
  if (base.type.kind !== 'STRUCT') {
    throw bindError(
      `Expected STRUCT type, got ${formatType(base.type)} for dereference ->${fieldName}`,
      span,
    );
  }
  const field =
    base.type.fields.find((f) => f.name === fieldName) ??
    base.type.fields.find((f) => f.name.toUpperCase() === fieldName.toUpperCase());
  if (!field) throw bindError(`Could not find field '${fieldName}' in '${formatType(base.type)}'.`, span);
  return { kind: 'Deref', base, field: field.name, type: field.type, span };
}

export function subscript(base: BoundExpr, index: BoundExpr, span: Span): BoundExpr {
  if (base.type === null) return { kind: 'Literal', value: null, type: null, span };
  if (base.type.kind === 'ARRAY') {
    if (index.type !== null && index.type.kind !== 'INTEGER' && index.type.kind !== 'BIGINT') {
      throw bindError(`Array index must be an INTEGER, got ${formatType(index.type)}`, index.span ?? span);
    }
    return { kind: 'Subscript', base, index, on: 'ARRAY', type: base.type.element, span };
  }
  if (base.type.kind === 'MAP') {
    return {
      kind: 'Subscript',
      base,
      index: coerceOrCast(index, base.type.key, span),
      on: 'MAP',
      type: base.type.value,
      span,
    };
  }
  throw bindError(`Subscript is only supported on ARRAY and MAP, not ${formatType(base.type)}`, span);
}

export function arithmetic(
  op: '+' | '-' | '*' | '/' | '%',
  left: BoundExpr,
  right: BoundExpr,
  span: Span,
  /** The expression as ksqlDB prints it, for messages. */
  text: string,
): BoundExpr {
  const lt = left.type;
  const rt = right.type;
  if (
    (lt === null || lt.kind === 'STRING') &&
    (rt === null || rt.kind === 'STRING') &&
    op === '+' &&
    (lt || rt)
  ) {
    return { kind: 'Concat', left, right, type: STRING, span };
  }
  if (lt === null || rt === null) {
    // An untyped NULL has no arithmetic to pick; ksqlDB refuses rather than guess (CAST it).
    const name = (t: SqlType | null): string => (t ? formatType(t) : 'null');
    throw bindError(
      `Error processing expression: ${text}. Arithmetic on types ${name(lt)} and ${name(rt)} are not supported.`,
      span,
    );
  }
  for (const t of [lt, rt]) {
    if (t !== null && !isNumeric(t)) {
      throw bindError(
        `Error processing expression: Unsupported arithmetic types. ${formatType(lt ?? t)} ${formatType(rt ?? t)}`,
        span,
      );
    }
  }
  let type: SqlType;
  if (lt.kind === 'DOUBLE' || rt.kind === 'DOUBLE') type = { kind: 'DOUBLE' };
  else if (lt.kind === 'DECIMAL' || rt.kind === 'DECIMAL') {
    const a = asDecimalShape(lt)!;
    const b = asDecimalShape(rt)!;
    const shape: DecimalShape =
      op === '+' || op === '-'
        ? decimalAddShape(a, b)
        : op === '*'
          ? decimalMultiplyShape(a, b)
          : op === '/'
            ? decimalDivideShape(a, b)
            : decimalModuloShape(a, b);
    type = decimal(shape.precision, shape.scale);
    // Operands become decimals of their own shape; the operation produces `type`.
    return {
      kind: 'Arithmetic',
      op,
      left: coerceTo(left, decimal(a.precision, a.scale)),
      right: coerceTo(right, decimal(b.precision, b.scale)),
      type,
      span,
    };
  } else if (lt.kind === 'BIGINT' || rt.kind === 'BIGINT') type = { kind: 'BIGINT' };
  else type = { kind: 'INTEGER' };
  return { kind: 'Arithmetic', op, left: coerceTo(left, type), right: coerceTo(right, type), type, span };
}

/** Both sides converted to one comparable type (string literals join temporal or numeric sides). */
export function comparable(
  left: BoundExpr,
  right: BoundExpr,
  ordering: boolean,
  span: Span,
  /** The operands and operator as ksqlDB names them, for the message. */
  texts?: { readonly left: string; readonly right: string; readonly op: string },
): [BoundExpr, BoundExpr] {
  if (left.type === null || right.type === null) {
    const t = left.type ?? right.type;
    return t ? [coerceTo(left, t), coerceTo(right, t)] : [left, right];
  }
  if (!canCompare(left.type, right.type, !ordering)) {
    // As ksqlDB's ComparisonUtil: no implicit conversion between, say, a number and a text,
    // literal or not (text does compare with DATE, TIME and TIMESTAMP).
    const side = (e: BoundExpr, text: string | undefined): string =>
      text ? `${text} (${formatType(e.type!)})` : formatType(e.type!);
    throw bindError(
      `Cannot compare ${side(left, texts?.left)} to ${side(right, texts?.right)}${texts ? ` with ${texts.op}` : ''}.`,
      span,
    );
  }
  const t = comparisonType(left.type, right.type);
  if (!t) throw bindError(`Cannot compare ${formatType(left.type)} to ${formatType(right.type)}`, span);
  return [coerceTo(left, t), coerceTo(right, t)];
}

/** Coerces every expression to their common super type (IN lists, BETWEEN, CASE, constructors). */
export function unify(parts: readonly BoundExpr[], span: Span, what: string): BoundExpr[] {
  const inputs: CoercionInput[] = parts.map((p) =>
    p.kind === 'Literal' && p.type !== null ? { type: p.type, literal: p.value } : { type: p.type },
  );
  const common = commonSuperType(inputs);
  if (common.kind === 'incompatible') {
    throw bindError(what === 'comparison' ? `Invalid Predicate: ${common.message}` : common.message, span);
  }
  if (common.kind === 'all-null') return [...parts];
  return parts.map((p) => {
    try {
      return coerceTo(p, common.type);
    } catch (error) {
      throw bindError(error instanceof Error ? error.message : String(error), p.span ?? span);
    }
  });
}

export function requireBoolean(e: BoundExpr, op: string): BoundExpr {
  if (e.type !== null && e.type.kind !== 'BOOLEAN') {
    throw bindError(`${op} requires BOOLEAN operands, got ${formatType(e.type)}`, e.span);
  }
  return e;
}

export function caseOf(
  conditions: BoundExpr[],
  results: BoundExpr[],
  otherwise: BoundExpr | undefined,
  span: Span,
): BoundExpr {
  const all = unify(otherwise ? [...results, otherwise] : results, span, 'CASE');
  const type = all.find((r) => r.type !== null)?.type ?? null;
  return {
    kind: 'Case',
    whens: conditions.map((condition, i) => ({ condition, result: all[i]! })),
    ...(otherwise ? { else: all[all.length - 1]! } : {}),
    type,
    span,
  };
}

/** Implicit coercion where allowed, else an explicit CAST node (the caller checked it is legal). */
export function coerceOrCast(e: BoundExpr, to: SqlType, span: Span | undefined): BoundExpr {
  const out = coerceTo(e, to);
  return out === e || out.span ? out : { ...out, span };
}
