/**
 * Text tables as the ksql CLI draws them: entity listings with a dashed rule under the header and
 * at the end (`listTable`), query results in boxes (`boxTop`/`boxRow`/`boxBottom`), which can be
 * streamed row by row.
 */

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

/** Display width of a cell: its longest line. */
function cellWidth(text: string): number {
  return Math.max(...text.split('\n').map((l) => l.length));
}

/**
 * ```
 *  Stream Name | Kafka Topic | Key Format
 * ----------------------------------------
 *  ORDERS      | orders      | KAFKA
 * ----------------------------------------
 * ```
 */
export function listTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => cellWidth(r[i] ?? ''))));
  const line = (cells: readonly string[]): string[] => {
    const split = cells.map((c) => c.split('\n'));
    const height = Math.max(1, ...split.map((s) => s.length));
    const out: string[] = [];
    for (let l = 0; l < height; l++) {
      out.push(` ${widths.map((w, i) => pad(split[i]?.[l] ?? '', w)).join(' | ')} `.trimEnd());
    }
    return out;
  };
  const total = widths.reduce((a, w) => a + w, 0) + 3 * (widths.length - 1) + 2;
  const rule = '-'.repeat(total);
  return [...line(headers), rule, ...rows.flatMap(line), rule].join('\n');
}

export function boxRule(widths: readonly number[]): string {
  return `+${widths.map((w) => '-'.repeat(w)).join('+')}+`;
}

export function boxRow(widths: readonly number[], cells: readonly string[]): string {
  return `|${widths.map((w, i) => pad(cells[i] ?? '', w)).join('|')}|`;
}

/** A whole boxed table (pull query results), widths fitted to the content. */
export function boxTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const rule = boxRule(widths);
  return [rule, boxRow(widths, headers), rule, ...rows.map((r) => boxRow(widths, r)), rule].join('\n');
}

/** Fixed widths for streamed results: the terminal split evenly, never narrower than a name. */
export function streamWidths(headers: readonly string[], terminalColumns: number | undefined): number[] {
  const even = terminalColumns ? Math.floor((terminalColumns - 1) / Math.max(1, headers.length)) - 1 : 20;
  return headers.map((h) => Math.max(h.length, even, 8));
}

/** Two-column `Name : value` lines, as DESCRIBE prints them. */
export function keyValues(pairs: readonly (readonly [string, string])[]): string {
  const width = Math.max(...pairs.map(([k]) => k.length));
  return pairs.map(([k, v]) => `${pad(k, width)} : ${v}`).join('\n');
}
