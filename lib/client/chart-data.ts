import type { ChartConfig } from './chart-inference';

/** One x position with a value per series key (recharts' "wide" data). */
export type ChartDatum = { x: number | string } & Record<string, number | string | null>;

export interface ChartData {
  readonly data: ChartDatum[];
  /** The data keys to draw, one line or bar each. */
  readonly seriesKeys: string[];
  /** Series beyond `maxSeries` that were left out (the most recently active are kept). */
  readonly hiddenSeries: number;
}

export interface ChartLimits {
  /** Points per series; older x positions are dropped first. */
  readonly maxPoints: number;
  readonly maxSeries: number;
  readonly maxBars: number;
}

export const DEFAULT_CHART_LIMITS: ChartLimits = { maxPoints: 2_000, maxSeries: 12, maxBars: 50 };

function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

function label(value: unknown): string {
  if (value === null || value === undefined) return '∅';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Turns result rows (oldest first) into chart data under a fixed budget: at most `maxPoints`
 * x positions per series and `maxSeries` series, so a chart fed 10,000 rows a second stays cheap to
 * draw. Runs in O(rows) per repaint.
 */
export function chartData(
  config: ChartConfig,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  limits: ChartLimits = DEFAULT_CHART_LIMITS,
): ChartData {
  const index = (name: string | null): number => (name === null ? -1 : columns.indexOf(name));
  const xi = index(config.x);
  const si = index(config.series);
  const yis = config.y.map((y) => [y, columns.indexOf(y)] as const).filter(([, i]) => i >= 0);
  if (config.type === 'none' || yis.length === 0) return { data: [], seriesKeys: [], hiddenSeries: 0 };

  if (config.type === 'bar') {
    // Latest value per category (rows are an upsert view or a stream: the newest row wins).
    const byCategory = new Map<string, ChartDatum>();
    for (const row of rows) {
      const cat = label(row[xi]);
      const datum: ChartDatum = { x: cat };
      for (const [y, i] of yis) datum[y] = toNumber(row[i]);
      byCategory.delete(cat);
      byCategory.set(cat, datum);
    }
    const data = [...byCategory.values()].slice(-limits.maxBars);
    return { data, seriesKeys: yis.map(([y]) => y), hiddenSeries: 0 };
  }

  // Line (and the number's sparkline): series key = series value (and measure, when several).
  const lastSeen = new Map<string, number>();
  const points = new Map<number | string, ChartDatum>();
  rows.forEach((row, n) => {
    const x = xi >= 0 ? (toNumber(row[xi]) ?? label(row[xi])) : n;
    const prefix = si >= 0 ? label(row[si]) : '';
    let datum = points.get(x);
    if (!datum) {
      datum = { x };
      points.set(x, datum);
    }
    for (const [y, i] of yis) {
      const key = prefix === '' ? y : yis.length > 1 ? `${prefix} · ${y}` : prefix;
      datum[key] = toNumber(row[i]);
      lastSeen.set(key, n);
    }
  });
  const keys = [...lastSeen.entries()].sort((a, b) => b[1] - a[1]).map(([k]) => k);
  const seriesKeys = keys.slice(0, limits.maxSeries).sort();
  let data = [...points.values()];
  if (xi >= 0) data.sort((a, b) => (a.x < b.x ? -1 : a.x > b.x ? 1 : 0));
  if (data.length > limits.maxPoints) data = data.slice(data.length - limits.maxPoints);
  return { data, seriesKeys, hiddenSeries: keys.length - seriesKeys.length };
}
