/**
 * Type names as ksqlDB's serde messages print them. Primitive failures name the SQL base type
 * (`requiredType: INTEGER`); compound ones print the Connect schema the way SqlSchemaFormatter does
 * (`ARRAY<INT>`, `MAP<VARCHAR, INT>`, `STRUCT<A INT, B VARCHAR>`).
 */
import type { SqlType } from '../../types/sql-type';

export function connectTypeName(t: SqlType): string {
  switch (t.kind) {
    case 'INTEGER':
      return 'INT';
    case 'STRING':
      return 'VARCHAR';
    case 'DECIMAL':
      return `DECIMAL(${t.precision}, ${t.scale})`;
    case 'ARRAY':
      return `ARRAY<${connectTypeName(t.element)}>`;
    case 'MAP':
      return `MAP<${connectTypeName(t.key)}, ${connectTypeName(t.value)}>`;
    case 'STRUCT':
      return t.fields.length === 0
        ? 'STRUCT< >'
        : `STRUCT<${t.fields.map((f) => `${f.name} ${connectTypeName(f.type)}`).join(', ')}>`;
    default:
      return t.kind;
  }
}

/** The name in `requiredType: …`: the base type for primitives, the Connect form otherwise. */
export function requiredTypeName(t: SqlType): string {
  return t.kind === 'ARRAY' || t.kind === 'MAP' || t.kind === 'STRUCT' || t.kind === 'DECIMAL'
    ? connectTypeName(t)
    : t.kind;
}
