/**
 * ksqlDB's implicit type coercion (docs: developer-guide/ksqldb-reference/type-coercion):
 * - numbers widen INTEGER → BIGINT → DECIMAL → DOUBLE (INTEGER is DECIMAL(10, 0) and BIGINT
 *   DECIMAL(19, 0) when mixed with decimals);
 * - ARRAY, MAP and STRUCT coerce element-, entry- and field-wise;
 * - literals are more open: a STRING literal holding a number, a boolean or a date/time coerces to
 *   that type, and any literal coerces to STRING. The binder says which inputs are literals.
 */
import { Decimal, type DecimalShape } from './decimal';
import { parseIsoDate, parseIsoTime, parseIsoTimestamp } from './datetime/iso';
import { BIGINT, DOUBLE, decimal, formatType, typeEquals, type SqlType, type StructField } from './sql-type';

const NUMERIC_RANK: Partial<Record<SqlType['kind'], number>> = {
  INTEGER: 1,
  BIGINT: 2,
  DECIMAL: 3,
  DOUBLE: 4,
};

export function isTemporal(t: SqlType): boolean {
  return t.kind === 'TIMESTAMP' || t.kind === 'DATE' || t.kind === 'TIME';
}

/** The DECIMAL shape a numeric type takes when mixed with decimals. */
export function asDecimalShape(t: SqlType): DecimalShape | undefined {
  if (t.kind === 'DECIMAL') return t;
  if (t.kind === 'INTEGER') return { precision: 10, scale: 0 };
  if (t.kind === 'BIGINT') return { precision: 19, scale: 0 };
  return undefined;
}

/**
 * True if a value of type `from` may be used where `to` is expected without an explicit CAST.
 * Decimals widen to any decimal (values are re-scaled by the cast), as ksqlDB's function lookup does.
 */
export function canImplicitlyCast(from: SqlType, to: SqlType): boolean {
  if (from.kind === to.kind) {
    switch (from.kind) {
      case 'ARRAY':
        return to.kind === 'ARRAY' && canImplicitlyCast(from.element, to.element);
      case 'MAP':
        return (
          to.kind === 'MAP' && canImplicitlyCast(from.key, to.key) && canImplicitlyCast(from.value, to.value)
        );
      case 'STRUCT':
        return to.kind === 'STRUCT' && structCoercible(from.fields, to.fields);
      default:
        return true;
    }
  }
  const a = NUMERIC_RANK[from.kind];
  const b = NUMERIC_RANK[to.kind];
  return a !== undefined && b !== undefined && a <= b;
}

function structCoercible(from: readonly StructField[], to: readonly StructField[]): boolean {
  return from.every((f) => {
    const g = to.find((x) => x.name === f.name);
    return g === undefined || canImplicitlyCast(f.type, g.type);
  });
}

/** The narrowest type both `a` and `b` widen to, or undefined if there is none. */
export function widerType(a: SqlType, b: SqlType): SqlType | undefined {
  if (typeEquals(a, b)) return a;
  const ra = NUMERIC_RANK[a.kind];
  const rb = NUMERIC_RANK[b.kind];
  if (ra !== undefined && rb !== undefined) {
    if (a.kind === 'DOUBLE' || b.kind === 'DOUBLE') return DOUBLE;
    if (a.kind === 'DECIMAL' || b.kind === 'DECIMAL') {
      const da = asDecimalShape(a)!;
      const db = asDecimalShape(b)!;
      const scale = Math.max(da.scale, db.scale);
      return decimal(Math.max(da.precision - da.scale, db.precision - db.scale) + scale, scale);
    }
    return ra >= rb ? a : b;
  }
  if (a.kind === 'ARRAY' && b.kind === 'ARRAY') {
    const e = widerType(a.element, b.element);
    return e && { kind: 'ARRAY', element: e };
  }
  if (a.kind === 'MAP' && b.kind === 'MAP') {
    const k = widerType(a.key, b.key);
    const v = widerType(a.value, b.value);
    return k && v && { kind: 'MAP', key: k, value: v };
  }
  if (a.kind === 'STRUCT' && b.kind === 'STRUCT') {
    // The union of the fields: shared ones widened, the others taken as they are (missing → NULL).
    const fields: StructField[] = [];
    for (const f of a.fields) {
      const g = b.fields.find((x) => x.name === f.name);
      const t = g ? widerType(f.type, g.type) : f.type;
      if (!t) return undefined;
      fields.push({ name: f.name, type: t });
    }
    for (const g of b.fields) if (!a.fields.some((f) => f.name === g.name)) fields.push(g);
    return { kind: 'STRUCT', fields };
  }
  return undefined;
}

export type CommonTypeResult =
  | { readonly kind: 'ok'; readonly type: SqlType }
  | { readonly kind: 'all-null' }
  | { readonly kind: 'incompatible'; readonly message: string };

/** One input to commonSuperType: its type (null for the NULL literal) and, for a literal, its value. */
export interface CoercionInput {
  readonly type: SqlType | null;
  readonly literal?: unknown;
}

/**
 * The type every input coerces to (CASE branches, IN lists, ARRAY/MAP constructors, COALESCE).
 * Non-literal inputs decide the type; literals then join it when ksqlDB's literal rules allow
 * (`'10'` with INTEGER, `10` with STRING); a STRING literal that does not fit yields
 * `invalid input syntax for type X: "text"`.
 */
export function commonSuperType(inputs: readonly (SqlType | null | CoercionInput)[]): CommonTypeResult {
  const items: CoercionInput[] = inputs.map((i) =>
    i === null ? { type: null } : 'kind' in i ? { type: i } : i,
  );
  let result: SqlType | undefined;
  for (const it of items) {
    if (it.type === null || 'literal' in it) continue;
    if (result === undefined) result = it.type;
    else {
      const w = widerType(result, it.type);
      if (!w) return incompatible(result, it.type);
      result = w;
    }
  }
  for (const it of items) {
    if (it.type === null || !('literal' in it)) continue;
    if (result === undefined) {
      result = it.type;
      continue;
    }
    const w = widerType(result, it.type);
    if (w) {
      result = w;
      continue;
    }
    if (
      result.kind === 'STRING' &&
      it.type.kind !== 'ARRAY' &&
      it.type.kind !== 'MAP' &&
      it.type.kind !== 'STRUCT'
    ) {
      continue;
    }
    if (it.type.kind === 'STRING' && typeof it.literal === 'string') {
      const t = literalStringType(it.literal, result);
      if (typeof t === 'string') return { kind: 'incompatible', message: t };
      result = t;
      continue;
    }
    return incompatible(result, it.type);
  }
  return result === undefined ? { kind: 'all-null' } : { kind: 'ok', type: result };
}

function incompatible(a: SqlType, b: SqlType): CommonTypeResult {
  return { kind: 'incompatible', message: `operator does not exist: ${formatType(a)} = ${formatType(b)}` };
}

const INT_TEXT = /^\s*[+-]?\d+\s*$/;

/**
 * The type a STRING literal takes when used where `target` is expected: the target itself, or a
 * wider number when the text needs it (`'2147483648'` for INTEGER gives BIGINT). Returns the
 * ksqlDB error message if the text does not fit.
 */
export function literalStringType(text: string, target: SqlType): SqlType | string {
  const bad = `invalid input syntax for type ${target.kind}: "${text}"`;
  switch (target.kind) {
    case 'STRING':
      return target;
    case 'BOOLEAN':
      return parseBooleanText(text) === undefined ? bad : target;
    case 'INTEGER':
    case 'BIGINT':
    case 'DECIMAL': {
      const d = Decimal.tryParse(text);
      if (!d) return bad;
      if (target.kind !== 'DECIMAL' && INT_TEXT.test(text)) {
        const v = d.unscaled;
        if (target.kind === 'INTEGER' && v >= -(2n ** 31n) && v < 2n ** 31n) return target;
        if (v >= -(2n ** 63n) && v < 2n ** 63n) return BIGINT;
      }
      const own = decimal(Math.max(d.precision(), d.scale, 1), d.scale);
      return widerType(target, own) ?? bad;
    }
    case 'DOUBLE':
      return text.trim() !== '' && Number.isFinite(Number(text)) ? target : bad;
    case 'TIMESTAMP':
      return parseIsoTimestamp(text) === null ? bad : target;
    case 'DATE':
      return parseIsoDate(text) === null ? bad : target;
    case 'TIME':
      return parseIsoTime(text) === null ? bad : target;
    default:
      return bad;
  }
}

/** ksqlDB's lenient boolean text: true/t/yes/y and false/f/no/n, any case; otherwise undefined. */
export function parseBooleanText(text: string): boolean | undefined {
  switch (text.trim().toLowerCase()) {
    case 'true':
    case 't':
    case 'yes':
    case 'y':
      return true;
    case 'false':
    case 'f':
    case 'no':
    case 'n':
      return false;
    default:
      return undefined;
  }
}

/**
 * Whether `left <op> right` is allowed (=, <>, <, <=, >, >=, BETWEEN, IN): same family after
 * widening, or a temporal type with a STRING (ROWTIME > '2020-01-01') or with another temporal
 * type (DATE vs TIMESTAMP), as ksqlDB's comparison rules allow. Maps and structs only support
 * equality.
 */
export function canCompare(left: SqlType, right: SqlType, equalityOnly: boolean): boolean {
  if ((isTemporal(left) && right.kind === 'STRING') || (left.kind === 'STRING' && isTemporal(right)))
    return true;
  if (isTemporal(left) && isTemporal(right)) return !(left.kind === 'TIME') === !(right.kind === 'TIME');
  const w = widerType(left, right);
  if (!w) return false;
  if (!equalityOnly && (w.kind === 'MAP' || w.kind === 'STRUCT' || w.kind === 'ARRAY')) return false;
  return true;
}

/** The type both sides of a comparison are converted to before comparing. */
export function comparisonType(left: SqlType, right: SqlType): SqlType | undefined {
  if (isTemporal(left) && right.kind === 'STRING') return left;
  if (left.kind === 'STRING' && isTemporal(right)) return right;
  if (isTemporal(left) && isTemporal(right) && left.kind !== right.kind) {
    return left.kind === 'TIME' || right.kind === 'TIME' ? undefined : { kind: 'TIMESTAMP' };
  }
  return widerType(left, right);
}
