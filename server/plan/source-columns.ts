import type { DataSource } from '../types/data-source';
import { BIGINT, INTEGER } from '../types/sql-type';
import type { PlanColumn } from './plan-schema';

/**
 * A source's row layout: key columns, WINDOWSTART/WINDOWEND for windowed sources, value and
 * header columns, then ROWTIME, ROWPARTITION and ROWOFFSET.
 */
export function sourceColumns(source: DataSource, alias: string): PlanColumn[] {
  const qualifiers = alias === source.name ? [source.name] : [source.name, alias];
  const columns: PlanColumn[] = source.schema.key.map((c) => ({
    name: c.name,
    type: c.type,
    role: 'key',
    qualifiers,
  }));
  if (source.window) {
    columns.push({ name: 'WINDOWSTART', type: BIGINT, role: 'window', qualifiers });
    columns.push({ name: 'WINDOWEND', type: BIGINT, role: 'window', qualifiers });
  }
  for (const c of source.schema.value) {
    columns.push({
      name: c.name,
      type: c.type,
      role: 'value',
      qualifiers,
      ...(c.header ? { header: c.header } : {}),
    });
  }
  columns.push({ name: 'ROWTIME', type: BIGINT, role: 'pseudo', qualifiers });
  columns.push({ name: 'ROWPARTITION', type: INTEGER, role: 'pseudo', qualifiers });
  columns.push({ name: 'ROWOFFSET', type: BIGINT, role: 'pseudo', qualifiers });
  return columns;
}
