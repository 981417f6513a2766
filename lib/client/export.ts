/**
 * Export of what the grid shows, as CSV or JSON. CSV cells that a spreadsheet would run as a
 * formula (=, +, -, @, tab, CR at the start) are prefixed with a quote, as OWASP advises.
 */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function csvCell(value: unknown): string {
  let text = cellText(value);
  if (/^[=+\-@\t\r]/.test(text) && !(typeof value === 'number')) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(columns: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const lines = [columns.map(csvCell).join(',')];
  for (const row of rows) lines.push(columns.map((_, i) => csvCell(row[i])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export function toJson(columns: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const objects = rows.map((row) => Object.fromEntries(columns.map((c, i) => [c, row[i] ?? null])));
  return `${JSON.stringify(objects, null, 2)}\n`;
}

/** A file name for an export: kappa-<what>-<yyyymmdd-hhmmss>.<ext>. */
export function exportFileName(what: string, extension: 'csv' | 'json', at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
  const safe = what.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 40) || 'result';
  return `kappa-${safe}-${stamp}.${extension}`;
}
