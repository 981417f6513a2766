/** Series colours that read on light and dark backgrounds (colour carries meaning: one per series). */
export const SERIES_COLORS = [
  '#4f7df3',
  '#f59e0b',
  '#10b981',
  '#ef4444',
  '#a855f7',
  '#06b6d4',
  '#ec4899',
  '#84cc16',
  '#f97316',
  '#6366f1',
  '#14b8a6',
  '#eab308',
];

export function seriesColor(i: number): string {
  return SERIES_COLORS[i % SERIES_COLORS.length] ?? '#888';
}

export function timeTick(value: unknown): string {
  return typeof value === 'number' && value > 1e11
    ? new Date(value).toISOString().slice(11, 19)
    : String(value);
}
