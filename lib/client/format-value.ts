/**
 * How a result value is shown in a grid cell: times as ISO text (the engine sends TIMESTAMP and
 * window bounds as epoch milliseconds), nested values as compact JSON, NULL as a marker.
 */
const TIME_COLUMNS = new Set(['ROWTIME', 'WINDOWSTART', 'WINDOWEND']);

export type CellKind = 'null' | 'number' | 'text' | 'time' | 'nested' | 'boolean';

export interface CellText {
  readonly text: string;
  readonly kind: CellKind;
}

function iso(ms: number): string {
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? String(ms) : d.toISOString().replace('T', ' ').replace('Z', '');
}

export function isTimeColumn(name: string, type: string): boolean {
  return TIME_COLUMNS.has(name) || type.toUpperCase() === 'TIMESTAMP';
}

export function formatCell(value: unknown, column: { name: string; type: string }): CellText {
  if (value === null || value === undefined) return { text: 'null', kind: 'null' };
  const type = column.type.toUpperCase();
  if (typeof value === 'number') {
    if (isTimeColumn(column.name, type)) return { text: iso(value), kind: 'time' };
    if (type === 'DATE') return { text: iso(value * 86_400_000).slice(0, 10), kind: 'time' };
    if (type === 'TIME') return { text: iso(value).slice(11), kind: 'time' };
    return { text: String(value), kind: 'number' };
  }
  if (typeof value === 'boolean') return { text: value ? 'true' : 'false', kind: 'boolean' };
  if (typeof value === 'string') return { text: value, kind: 'text' };
  const json = JSON.stringify(value);
  return { text: json.length > 200 ? `${json.slice(0, 199)}…` : json, kind: 'nested' };
}

/** Short human numbers for status lines: 12.4k, 3.1M. */
export function compactNumber(n: number): string {
  const abs = Math.abs(n);
  if (abs >= 1e6) return `${(n / 1e6).toFixed(abs >= 1e7 ? 0 : 1)}M`;
  if (abs >= 1e4) return `${(n / 1e3).toFixed(abs >= 1e5 ? 0 : 1)}k`;
  return Number.isInteger(n) ? n.toLocaleString('en-US') : n.toFixed(1);
}

/** mm:ss or h:mm:ss. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mmss = `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
  return h > 0 ? `${h}:${mmss}` : mmss;
}
