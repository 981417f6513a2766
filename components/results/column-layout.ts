import type { ColumnInfo } from '../../lib/contracts/columns';
import { isNumericType } from '../../lib/client/chart-inference';
import { isTimeColumn } from '../../lib/client/format-value';

/** Fixed column widths from the column types, so the grid never measures cells while streaming. */
export function columnWidth(column: ColumnInfo): number {
  const type = column.type.toUpperCase();
  if (isTimeColumn(column.name, type)) return 190;
  if (isNumericType(type)) return Math.max(90, Math.min(160, column.name.length * 9 + 30));
  if (/^(ARRAY|MAP|STRUCT)/.test(type)) return 260;
  if (type === 'BOOLEAN') return 80;
  return Math.max(140, Math.min(260, column.name.length * 9 + 40));
}

export function gridTemplate(columns: readonly ColumnInfo[], lead: number): string {
  return [...(lead > 0 ? [`${lead}px`] : []), ...columns.map((c) => `${columnWidth(c)}px`)].join(' ');
}
