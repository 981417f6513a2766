import type { SqlType } from '../types/sql-type';
import { assertNever, type TypeNode } from './ast';
import { formatIdentifier } from './format-identifier';

/** A type node as SQL, e.g. `MAP<STRING, ARRAY<INTEGER>>`, `STRUCT<A INTEGER, \`b\` ADDRESS>`. */
export function formatTypeNode(t: TypeNode): string {
  switch (t.kind) {
    case 'BuiltinType':
      return formatSqlType(t.type);
    case 'CustomType':
      return formatIdentifier(t.name.name);
    case 'ArrayType':
      return `ARRAY<${formatTypeNode(t.element)}>`;
    case 'MapType':
      return `MAP<${formatTypeNode(t.key)}, ${formatTypeNode(t.value)}>`;
    case 'StructType':
      return `STRUCT<${t.fields.map((f) => `${formatIdentifier(f.name.name)} ${formatTypeNode(f.type)}`).join(', ')}>`;
    default:
      return assertNever(t);
  }
}

/** Like `formatType` in server/types, but quoting field names only when needed. */
export function formatSqlType(t: SqlType): string {
  switch (t.kind) {
    case 'DECIMAL':
      return `DECIMAL(${t.precision}, ${t.scale})`;
    case 'ARRAY':
      return `ARRAY<${formatSqlType(t.element)}>`;
    case 'MAP':
      return `MAP<${formatSqlType(t.key)}, ${formatSqlType(t.value)}>`;
    case 'STRUCT':
      return `STRUCT<${t.fields.map((f) => `${formatIdentifier(f.name)} ${formatSqlType(f.type)}`).join(', ')}>`;
    default:
      return t.kind;
  }
}
