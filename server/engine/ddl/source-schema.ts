import { bindError } from '../../bind/bind-error';
import { resolveTypeNode, type TypeResolver } from '../../bind/types';
import { SYSTEM_COLUMN_NAMES } from '../../plan/plan-schema';
import type { ColumnDef, SourceType } from '../../sql/ast';
import type { Span } from '../../../lib/contracts/span';
import type { Column, LogicalSchema } from '../../types/logical-schema';
import { formatType, typeEquals, type SqlType } from '../../types/sql-type';

const HEADERS_TYPE: SqlType = {
  kind: 'ARRAY',
  element: {
    kind: 'STRUCT',
    fields: [
      { name: 'KEY', type: { kind: 'STRING' } },
      { name: 'VALUE', type: { kind: 'BYTES' } },
    ],
  },
};

/** The schema declared by CREATE STREAM/TABLE's column list, with ksqlDB's checks. */
export function schemaFromColumns(
  kind: SourceType,
  defs: readonly ColumnDef[],
  types: TypeResolver,
): LogicalSchema {
  const key: Column[] = [];
  const value: Column[] = [];
  const seen = new Set<string>();
  for (const d of defs) {
    const name = d.name.name;
    if (SYSTEM_COLUMN_NAMES.includes(name)) {
      throw bindError(
        `'${name}' is a reserved column name. You cannot use it as a name for a column.`,
        d.name.span,
      );
    }
    if (seen.has(name)) throw bindError(`Duplicate column names: ${name}`, d.name.span);
    seen.add(name);
    const type = resolveTypeNode(d.type, types);
    const c = d.constraint;
    if (c?.kind === 'PrimaryKey') {
      if (kind === 'STREAM') {
        throw bindError(
          `${at(d.span)}Column \`${name}\` is a 'PRIMARY KEY' column: please use 'KEY' for streams.\nTables have PRIMARY KEYs, which are unique and NON NULL.\nStreams have KEYs, which have no uniqueness or NON NULL constraints.`,
          d.span,
        );
      }
      key.push({ name, type, namespace: 'KEY' });
    } else if (c?.kind === 'Key') {
      if (kind === 'TABLE') {
        throw bindError(
          `${at(d.span)}Column \`${name}\` is a 'KEY' column: please use 'PRIMARY KEY' for tables.\nTables have PRIMARY KEYs, which are unique and NON NULL.\nStreams have KEYs, which have no uniqueness or NON NULL constraints.`,
          d.span,
        );
      }
      key.push({ name, type, namespace: 'KEY' });
    } else if (c?.kind === 'Headers') {
      if (!typeEquals(type, HEADERS_TYPE)) {
        throw bindError(
          `Invalid type for HEADERS column: expected ARRAY<STRUCT<\`KEY\` STRING, \`VALUE\` BYTES>>, got ${formatType(type)}`,
          d.span,
        );
      }
      value.push({ name, type, namespace: 'VALUE', header: {} });
    } else if (c?.kind === 'Header') {
      if (type.kind !== 'BYTES')
        throw bindError(
          `Invalid type for HEADER('${c.key}') column: expected BYTES, got ${formatType(type)}`,
          d.span,
        );
      value.push({ name, type, namespace: 'VALUE', header: { key: c.key } });
    } else {
      value.push({ name, type, namespace: 'VALUE' });
    }
  }
  if (kind === 'TABLE' && key.length === 0) {
    throw bindError('Tables require a PRIMARY KEY. Please define the PRIMARY KEY.');
  }
  if (value.filter((c) => !c.header).length === 0 && defs.length > 0 && key.length === defs.length) {
    // ksqlDB allows key-only sources; nothing to check here beyond the column list itself.
  }
  return { key, value };
}

/** ksqlDB's position prefix for errors about one column: `Line: 1, Col: 21: `. */
function at(span: Span): string {
  return `Line: ${span.startLine}, Col: ${span.startColumn}: `;
}
