'use client';

import type { ColumnInfo } from '../../lib/contracts/columns';
import {
  isNumericType,
  type ChartConfig,
  type ChartOverride,
  type ChartType,
} from '../../lib/client/chart-inference';
import styles from './charts.module.css';

const NOT_MEASURES = new Set(['WINDOWSTART', 'WINDOWEND', 'ROWTIME', 'ROWPARTITION', 'ROWOFFSET']);

const TYPES: { value: ChartType; label: string }[] = [
  { value: 'line', label: 'Line' },
  { value: 'bar', label: 'Bars' },
  { value: 'number', label: 'Big number' },
];

/** One-click changes of chart type, x, y and series, on top of the inferred chart. */
export function ChartControls({
  columns,
  config,
  override,
  onChange,
}: {
  columns: readonly ColumnInfo[];
  config: ChartConfig;
  override: ChartOverride | undefined;
  onChange: (override: ChartOverride | undefined) => void;
}) {
  // Measures only: time, window bounds and record coordinates are axes, not values to plot.
  const numeric = columns.filter(
    (c) => isNumericType(c.type) && !NOT_MEASURES.has(c.name) && c.name !== config.x,
  );
  const set = (patch: ChartOverride): void => onChange({ ...override, ...patch });
  return (
    <div className={styles.controls} role="toolbar" aria-label="Chart settings">
      <div className={styles.segmented} role="radiogroup" aria-label="Chart type">
        {TYPES.map((t) => (
          <button
            key={t.value}
            type="button"
            role="radio"
            aria-checked={config.type === t.value}
            className={config.type === t.value ? styles.active : undefined}
            onClick={() => set({ type: t.value })}
            data-testid={`chart-type-${t.value}`}
          >
            {t.label}
          </button>
        ))}
      </div>
      {config.type !== 'number' && (
        <label>
          x
          <select
            value={config.x ?? ''}
            onChange={(e) => set({ x: e.target.value || null })}
            data-testid="chart-x"
            aria-label="X axis column"
          >
            <option value="">(arrival order)</option>
            {columns.map((c) => (
              <option key={c.name} value={c.name}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <span className={styles.yList} role="group" aria-label="Y columns">
        y
        {numeric.map((c) => {
          const on = config.y.includes(c.name);
          return (
            <button
              key={c.name}
              type="button"
              aria-pressed={on}
              className={on ? styles.active : undefined}
              onClick={() => set({ y: on ? config.y.filter((n) => n !== c.name) : [...config.y, c.name] })}
              data-testid={`chart-y-${c.name}`}
            >
              {c.name}
            </button>
          );
        })}
      </span>
      {config.type === 'line' && (
        <label>
          series
          <select
            value={config.series ?? ''}
            onChange={(e) => set({ series: e.target.value || null })}
            data-testid="chart-series"
            aria-label="Series column"
          >
            <option value="">(none)</option>
            {columns
              .filter((c) => !isNumericType(c.type) || c.key)
              .map((c) => (
                <option key={c.name} value={c.name}>
                  {c.name}
                </option>
              ))}
          </select>
        </label>
      )}
      {override && (
        <button type="button" onClick={() => onChange(undefined)} data-testid="chart-reset">
          Auto
        </button>
      )}
    </div>
  );
}
