import type { ColumnInfo } from '../contracts/columns';

export type ChartType = 'line' | 'bar' | 'number' | 'none';

/** What the chart draws: x, one or more y columns, and optionally one series per value of a column. */
export interface ChartConfig {
  readonly type: ChartType;
  readonly x: string | null;
  readonly y: readonly string[];
  readonly series: string | null;
  /** Why this chart, in words the user sees ("WINDOWSTART is time, one line per REGION"). */
  readonly reason: string;
}

/** The user's one-click changes on top of the inferred chart. */
export interface ChartOverride {
  readonly type?: ChartType;
  readonly x?: string | null;
  readonly y?: readonly string[];
  readonly series?: string | null;
}

export interface ChartShape {
  readonly columns: readonly ColumnInfo[];
  readonly mode: 'append' | 'upsert';
  readonly keyIndexes: readonly number[];
}

const NUMERIC = /^(INT|INTEGER|BIGINT|DOUBLE|DECIMAL)\b/;
const WINDOW_BOUNDS = new Set(['WINDOWSTART', 'WINDOWEND']);
const NOT_MEASURES = new Set(['WINDOWSTART', 'WINDOWEND', 'ROWTIME', 'ROWPARTITION', 'ROWOFFSET']);

export function isNumericType(type: string): boolean {
  return NUMERIC.test(type.toUpperCase());
}

/** The column that best stands for time: WINDOWSTART, then ROWTIME, then the first TIMESTAMP. */
export function timeColumn(columns: readonly ColumnInfo[]): ColumnInfo | undefined {
  return (
    columns.find((c) => c.name === 'WINDOWSTART') ??
    columns.find((c) => c.name === 'ROWTIME') ??
    columns.find((c) => c.type.toUpperCase() === 'TIMESTAMP')
  );
}

function measures(columns: readonly ColumnInfo[], time: ColumnInfo | undefined): ColumnInfo[] {
  return columns.filter((c) => isNumericType(c.type) && !NOT_MEASURES.has(c.name) && c !== time && !c.key);
}

function categories(shape: ChartShape): ColumnInfo[] {
  const keys = shape.keyIndexes
    .map((i) => shape.columns[i])
    .filter((c): c is ColumnInfo => c !== undefined && !WINDOW_BOUNDS.has(c.name));
  const strings = shape.columns.filter((c) => c.type.toUpperCase() === 'STRING' && !keys.includes(c));
  return [...keys, ...strings];
}

/**
 * Picks a chart from the result's schema alone, so it can draw from the first row:
 * time + numbers → line (one series per key); category + numbers → bars by category; numbers of
 * a result with no key (a single-row aggregate) → a big number with a sparkline.
 */
export function inferChart(shape: ChartShape): ChartConfig {
  const time = timeColumn(shape.columns);
  const ys = measures(shape.columns, time);
  const cats = categories(shape);
  const y = ys.map((c) => c.name);
  if (ys.length === 0)
    return { type: 'none', x: null, y: [], series: null, reason: 'No numeric column to chart.' };
  const series = cats[0]?.name ?? null;
  if (time) {
    return {
      type: 'line',
      x: time.name,
      y,
      series,
      reason: series
        ? `${time.name} is time, one line per ${series}`
        : `${time.name} is time, one line per measure`,
    };
  }
  if (series) {
    return {
      type: 'bar',
      x: series,
      y,
      series: null,
      reason: `${series} is a category with numbers: bars by ${series}`,
    };
  }
  if (shape.mode === 'upsert' || shape.keyIndexes.length === 0) {
    return {
      type: 'number',
      x: null,
      y: y.slice(0, 1),
      series: null,
      reason: `A single row of numbers: ${y[0]} as a big number`,
    };
  }
  return { type: 'line', x: null, y, series: null, reason: 'No time column: numbers in arrival order' };
}

/** The inferred chart with the user's changes applied (columns that no longer exist are ignored). */
export function applyOverride(
  inferred: ChartConfig,
  override: ChartOverride | undefined,
  shape: ChartShape,
): ChartConfig {
  if (!override) return inferred;
  const names = new Set(shape.columns.map((c) => c.name));
  const type = override.type ?? inferred.type;
  const x =
    override.x !== undefined && (override.x === null || names.has(override.x)) ? override.x : inferred.x;
  const y = override.y?.filter((n) => names.has(n)) ?? inferred.y;
  const series =
    override.series !== undefined && (override.series === null || names.has(override.series))
      ? override.series
      : inferred.series;
  const changed =
    type !== inferred.type ||
    x !== inferred.x ||
    series !== inferred.series ||
    y.join() !== inferred.y.join();
  return {
    type,
    x,
    y: y.length > 0 ? y : inferred.y,
    series,
    reason: changed ? 'Chosen by you' : inferred.reason,
  };
}
