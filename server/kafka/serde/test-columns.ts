/** Column builders shared by this folder's tests. */
import type { Column } from '../../types/logical-schema';
import type { SqlType } from '../../types/sql-type';

export function valueColumn(name: string, type: SqlType): Column {
  return { name, type, namespace: 'VALUE' };
}

export function keyColumn(name: string, type: SqlType): Column {
  return { name, type, namespace: 'KEY' };
}
