import type { Expression } from '../sql/ast';
import { asDecimalShape, widerType } from '../types/coercion';
import { parseIsoDate, parseIsoTime, parseIsoTimestamp } from '../types/datetime/iso';
import { Decimal } from '../types/decimal';
import {
  BIGINT,
  DOUBLE,
  INTEGER,
  decimal,
  formatType,
  isNumeric,
  typeEquals,
  type SqlType,
} from '../types/sql-type';
import type { BoundExpr } from './bound-expr';
import { ksqlText } from './ksql-text';

/** One expression of a user list: how it was bound and how it was written (literal or not). */
export interface ListItem {
  readonly bound: BoundExpr;
  readonly source: Expression;
}

/** A list whose items have no common type; the message is ksqlDB's. */
export class ListCoercionError extends Error {}

const LITERAL_KINDS: ReadonlySet<Expression['kind']> = new Set([
  'BooleanLiteral',
  'IntegerLiteral',
  'BigIntLiteral',
  'DecimalLiteral',
  'DoubleLiteral',
  'StringLiteral',
]);

export function isLiteralSource(e: Expression): boolean {
  return LITERAL_KINDS.has(e.kind);
}

/**
 * The common type of a user-supplied list (IN, ARRAY[…], MAP(…)), resolved left to right as
 * ksqlDB's CoercionUtil does: the first typed item sets it; numbers widen; a STRING literal joins a
 * numeric or BOOLEAN type if its text parses; any other literal may become a STRING; constructors
 * are resolved element by element and STRUCT constructors add their fields (the widest type is the
 * union of all fields). Undefined when every item is NULL.
 */
export function resolveListType(items: readonly ListItem[], start?: SqlType): SqlType | undefined {
  let common = start;
  for (const item of items) common = resolveItem(item, common);
  return common;
}

function resolveItem(item: ListItem, common: SqlType | undefined): SqlType | undefined {
  // A NULL may have taken a type from its neighbours when its constructor was bound.
  const own = item.source.kind === 'NullLiteral' ? null : item.bound.type;
  if (common === undefined) return own ?? undefined;
  if (own === null) return common;
  const { bound, source } = item;
  if (source.kind === 'ArrayConstructor' && bound.kind === 'Array') {
    if (common.kind !== 'ARRAY') throw failure(item, own, common);
    const element = nested(item, common, () =>
      resolveListType(pairs(bound.elements, source.elements), common.element),
    );
    return element && { kind: 'ARRAY', element };
  }
  if (source.kind === 'MapConstructor' && bound.kind === 'Map') {
    if (common.kind !== 'MAP') throw failure(item, own, common);
    return nested(item, common, () => {
      const keys = pairs(
        bound.entries.map((e) => e.key),
        source.entries.map((e) => e.key),
      );
      const values = pairs(
        bound.entries.map((e) => e.value),
        source.entries.map((e) => e.value),
      );
      const key = resolveListType(keys, common.key);
      const value = resolveListType(values, common.value);
      return key && value ? { kind: 'MAP', key, value } : undefined;
    });
  }
  if (source.kind === 'StructConstructor' && bound.kind === 'Struct') {
    if (common.kind !== 'STRUCT') throw failure(item, own, common);
    return nested(item, common, (): SqlType => {
      const names = [...bound.fields.map((f) => f.name), ...common.fields.map((f) => f.name)];
      const fields = [...new Set(names)].map((name) => {
        const index = bound.fields.findIndex((f) => f.name === name);
        const target = common.fields.find((f) => f.name === name)?.type;
        const given = bound.fields[index];
        if (!given || given.value.type === null) return { name, type: target! };
        if (!target) return { name, type: given.value.type };
        const value = { bound: given.value, source: source.fields[index]!.value };
        return { name, type: resolveItem(value, target)! };
      });
      return { kind: 'STRUCT', fields };
    });
  }
  if (source.kind === 'StringLiteral' && bound.kind === 'Literal' && typeof bound.value === 'string') {
    if (isNumeric(common)) return numericFromText(bound.value, common);
    if (common.kind === 'BOOLEAN') {
      if (parseBooleanExact(bound.value) === undefined) throw invalidSyntax(bound.value, common);
      return common;
    }
    if (common.kind === 'TIMESTAMP' || common.kind === 'DATE' || common.kind === 'TIME') {
      const parse = { TIMESTAMP: parseIsoTimestamp, DATE: parseIsoDate, TIME: parseIsoTime }[common.kind];
      if (parse(bound.value) === null) throw invalidSyntax(bound.value, common);
      return common;
    }
  }
  const lax = isLiteralSource(source);
  const found = canCoerce(own, common, lax) ?? canCoerce(common, own, lax);
  if (!found) throw failure(item, own, common);
  return found;
}

/** ksqlDB's lenient boolean text, exactly: a prefix of true/yes or of false/no, any case. */
export function parseBooleanExact(text: string): boolean | undefined {
  const t = text.trim().toLowerCase();
  if (t === '') return undefined;
  if ('true'.startsWith(t) || 'yes'.startsWith(t)) return true;
  if ('false'.startsWith(t) || 'no'.startsWith(t)) return false;
  return undefined;
}

/** `from` used where `to` is expected: the resulting type, or undefined. Literals may become STRING. */
function canCoerce(from: SqlType, to: SqlType, lax: boolean): SqlType | undefined {
  if (typeEquals(from, to)) return to;
  if (isNumeric(from) && isNumeric(to)) {
    const rank = (t: SqlType): number => ['INTEGER', 'BIGINT', 'DECIMAL', 'DOUBLE'].indexOf(t.kind);
    return rank(from) <= rank(to) ? widerType(from, to) : undefined;
  }
  if (lax && to.kind === 'STRING') {
    return from.kind === 'ARRAY' || from.kind === 'MAP' || from.kind === 'STRUCT' || from.kind === 'BYTES'
      ? undefined
      : to;
  }
  if (from.kind === 'ARRAY' && to.kind === 'ARRAY') {
    const element = canCoerce(from.element, to.element, lax);
    return element && { kind: 'ARRAY', element };
  }
  if (from.kind === 'MAP' && to.kind === 'MAP') {
    const key = canCoerce(from.key, to.key, lax);
    const value = canCoerce(from.value, to.value, lax);
    return key && value && { kind: 'MAP', key, value };
  }
  if (from.kind === 'STRUCT' && to.kind === 'STRUCT') {
    if (!from.fields.every((f) => to.fields.some((g) => g.name === f.name))) return undefined;
    const fields = to.fields.map((g) => {
      const f = from.fields.find((x) => x.name === g.name);
      return { name: g.name, type: f ? canCoerce(f.type, g.type, lax) : g.type };
    });
    if (fields.some((f) => f.type === undefined)) return undefined;
    return { kind: 'STRUCT', fields: fields.map((f) => ({ name: f.name, type: f.type! })) };
  }
  return undefined;
}

/** The type of a number written as text, combined with a numeric `target`. */
function numericFromText(text: string, target: SqlType): SqlType {
  const d = Decimal.tryParse(text.trim());
  if (!d) throw invalidSyntax(text, target);
  let own: SqlType;
  if (!/[.eE]/.test(text) && d.scale === 0) {
    const v = d.unscaled;
    if (v > -(2n ** 31n) && v < 2n ** 31n - 1n) own = INTEGER;
    else if (v > -(2n ** 63n) && v < 2n ** 63n - 1n) own = BIGINT;
    else own = decimal(Math.max(d.precision(), 1), 0);
  } else {
    own = decimal(Math.max(d.precision(), d.scale, 1), d.scale);
  }
  if (own.kind === 'DOUBLE' || target.kind === 'DOUBLE') return DOUBLE;
  if (own.kind === 'DECIMAL' || target.kind === 'DECIMAL') {
    const a = asDecimalShape(own)!;
    const b = asDecimalShape(target)!;
    const scale = Math.max(a.scale, b.scale);
    return decimal(Math.max(a.precision - a.scale, b.precision - b.scale) + scale, scale);
  }
  return own.kind === 'INTEGER' || target.kind === 'BIGINT' ? target : own;
}

function nested(item: ListItem, common: SqlType, resolve: () => SqlType | undefined): SqlType | undefined {
  try {
    return resolve();
  } catch (error) {
    if (error instanceof CoercionFailure) throw failure(item, item.bound.type!, common);
    throw error;
  }
}

function pairs(bound: readonly BoundExpr[], source: readonly Expression[]): ListItem[] {
  return bound.map((b, i) => ({ bound: b, source: source[i]! }));
}

/** A type mismatch (as opposed to unparseable text): a constructor reports it as its own. */
class CoercionFailure extends ListCoercionError {}

function failure(item: ListItem, own: SqlType, common: SqlType): CoercionFailure {
  return new CoercionFailure(
    `operator does not exist: ${formatType(common)} = ${formatType(own)} (${ksqlText(item.source)})\nHint: You might need to add explicit type casts.`,
  );
}

function invalidSyntax(text: string, target: SqlType): ListCoercionError {
  return new ListCoercionError(`invalid input syntax for type ${target.kind}: "${text}".`);
}
