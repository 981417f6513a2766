import { bindError } from '../../bind/bind-error';
import { findColumn, type LogicalSchema } from '../../types/logical-schema';

/** `WITH (TIMESTAMP='col' [, TIMESTAMP_FORMAT='…'])`: the column must exist and have a usable type. */
export function checkTimestampColumn(
  schema: LogicalSchema,
  column: string,
  format: string | undefined,
): { column: string; format?: string } {
  const c = findColumn(schema, column);
  if (!c)
    throw bindError(`The TIMESTAMP column set in the WITH clause does not exist in the schema: '${column}'`);
  const ok =
    c.type.kind === 'BIGINT' ||
    c.type.kind === 'TIMESTAMP' ||
    (c.type.kind === 'STRING' && format !== undefined);
  if (!ok) {
    throw bindError(
      `Timestamp column, \`${column}\`, should be LONG(INT64), TIMESTAMP, or a String with a timestamp_format specified`,
    );
  }
  return { column, ...(format !== undefined ? { format } : {}) };
}
