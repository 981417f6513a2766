/**
 * The SQL type system shared by the binder, the planner, the operators, the serdes and the API.
 *
 * Types are immutable data tagged by `kind` (upper-case, as ksqlDB names its base types). Runtime
 * values that belong to each type are documented in ./values.ts.
 */
export type SqlType =
  | { readonly kind: 'BOOLEAN' }
  | { readonly kind: 'INTEGER' }
  | { readonly kind: 'BIGINT' }
  | { readonly kind: 'DOUBLE' }
  | { readonly kind: 'DECIMAL'; readonly precision: number; readonly scale: number }
  | { readonly kind: 'STRING' }
  | { readonly kind: 'BYTES' }
  | { readonly kind: 'TIMESTAMP' }
  | { readonly kind: 'DATE' }
  | { readonly kind: 'TIME' }
  | { readonly kind: 'ARRAY'; readonly element: SqlType }
  | { readonly kind: 'MAP'; readonly key: SqlType; readonly value: SqlType }
  | { readonly kind: 'STRUCT'; readonly fields: readonly StructField[] };

export interface StructField {
  readonly name: string;
  readonly type: SqlType;
}

export type SqlTypeKind = SqlType['kind'];

export const BOOLEAN: SqlType = Object.freeze({ kind: 'BOOLEAN' });
export const INTEGER: SqlType = Object.freeze({ kind: 'INTEGER' });
export const BIGINT: SqlType = Object.freeze({ kind: 'BIGINT' });
export const DOUBLE: SqlType = Object.freeze({ kind: 'DOUBLE' });
export const STRING: SqlType = Object.freeze({ kind: 'STRING' });
export const BYTES: SqlType = Object.freeze({ kind: 'BYTES' });
export const TIMESTAMP: SqlType = Object.freeze({ kind: 'TIMESTAMP' });
export const DATE: SqlType = Object.freeze({ kind: 'DATE' });
export const TIME: SqlType = Object.freeze({ kind: 'TIME' });

export function decimal(precision: number, scale: number): SqlType {
  return { kind: 'DECIMAL', precision, scale };
}
export function array(element: SqlType): SqlType {
  return { kind: 'ARRAY', element };
}
export function map(key: SqlType, value: SqlType): SqlType {
  return { kind: 'MAP', key, value };
}
export function struct(fields: readonly StructField[]): SqlType {
  return { kind: 'STRUCT', fields };
}

export function isNumeric(t: SqlType): boolean {
  return t.kind === 'INTEGER' || t.kind === 'BIGINT' || t.kind === 'DOUBLE' || t.kind === 'DECIMAL';
}

export function isPrimitive(t: SqlType): boolean {
  return t.kind !== 'ARRAY' && t.kind !== 'MAP' && t.kind !== 'STRUCT';
}

/** Structural equality; struct field names compare case-sensitively (they are already normalized). */
export function typeEquals(a: SqlType, b: SqlType): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'DECIMAL':
      return b.kind === 'DECIMAL' && a.precision === b.precision && a.scale === b.scale;
    case 'ARRAY':
      return b.kind === 'ARRAY' && typeEquals(a.element, b.element);
    case 'MAP':
      return b.kind === 'MAP' && typeEquals(a.key, b.key) && typeEquals(a.value, b.value);
    case 'STRUCT': {
      if (b.kind !== 'STRUCT' || a.fields.length !== b.fields.length) return false;
      return a.fields.every((f, i) => {
        const g = b.fields[i];
        return g !== undefined && f.name === g.name && typeEquals(f.type, g.type);
      });
    }
    default:
      return true;
  }
}

/**
 * ksqlDB's textual form, as used in schema strings (`post.sources[].schema`), DESCRIBE output and the
 * REST header `schema`: `INTEGER`, `DECIMAL(4, 2)`, `ARRAY<STRING>`, `MAP<STRING, INTEGER>`,
 * ``STRUCT<`A` INTEGER, `B` STRING>``.
 */
export function formatType(t: SqlType): string {
  switch (t.kind) {
    case 'DECIMAL':
      return `DECIMAL(${t.precision}, ${t.scale})`;
    case 'ARRAY':
      return `ARRAY<${formatType(t.element)}>`;
    case 'MAP':
      return `MAP<${formatType(t.key)}, ${formatType(t.value)}>`;
    case 'STRUCT':
      return `STRUCT<${t.fields.map((f) => `\`${f.name}\` ${formatType(f.type)}`).join(', ')}>`;
    default:
      return t.kind;
  }
}
