'use client';

import { useMemo } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { chartData } from '../../lib/client/chart-data';
import { applyOverride, inferChart, type ChartOverride } from '../../lib/client/chart-inference';
import type { ResultStore } from '../../lib/client/result-store';
import { useStoreVersion } from '../workbench/use-store-version';
import { BigNumber } from './big-number';
import { ChartControls } from './chart-controls';
import styles from './charts.module.css';
import { seriesColor, timeTick } from './series-colors';

const SPARK_POINTS = 120;

/**
 * A chart that configures itself from the result schema and says why; repainted four times a
 * second from the result store with animations off and at most 2,000 points per series.
 */
export function LiveChart({
  store,
  override,
  onOverride,
}: {
  store: ResultStore;
  override: ChartOverride | undefined;
  onOverride: (override: ChartOverride | undefined) => void;
}) {
  const version = useStoreVersion(store, 250);
  const schema = store.schema;
  const shape = useMemo(
    () => (schema ? { columns: schema.columns, mode: schema.mode, keyIndexes: schema.keyIndexes } : null),
    [schema],
  );
  const inferred = useMemo(() => (shape ? inferChart(shape) : null), [shape]);
  const config = inferred && shape ? applyOverride(inferred, override, shape) : null;
  const names = useMemo(() => schema?.columns.map((c) => c.name) ?? [], [schema]);
  const upsert = schema?.mode === 'upsert';
  const data = useMemo(() => {
    void version; // the store changed: read its rows again
    if (!config || config.type === 'number') return null;
    return chartData(config, names, store.viewRows(upsert ? 'changelog' : 'rows'));
  }, [config, names, store, upsert, version]);

  if (!schema || !config)
    return <p className={styles.empty}>The chart appears when the query returns its schema.</p>;

  const reason = (
    <p className={styles.reason} data-testid="chart-reason">
      {config.reason}
      {data && data.hiddenSeries > 0 ? ` · ${data.hiddenSeries} quieter series hidden` : ''}
    </p>
  );
  const controls = (
    <ChartControls columns={schema.columns} config={config} override={override} onChange={onOverride} />
  );

  if (config.type === 'number') {
    const yName = config.y[0] ?? '';
    const yi = names.indexOf(yName);
    const last = store.rows.last()?.values[yi];
    const history: { x: number; v: number | null }[] = [];
    const from = Math.max(0, store.rows.size - SPARK_POINTS);
    for (let i = from; i < store.rows.size; i++) {
      const v = store.rows.get(i)?.values[yi];
      history.push({ x: i, v: typeof v === 'number' ? v : null });
    }
    return (
      <div className={styles.chart} data-testid="live-chart" data-chart-type="number">
        {controls}
        {reason}
        <BigNumber label={yName} value={typeof last === 'number' ? last : null} history={history} />
      </div>
    );
  }

  const rows = data?.data ?? [];
  const keys = data?.seriesKeys ?? [];
  const numericX = rows.length > 0 && typeof rows[0]?.x === 'number';
  return (
    <div
      className={styles.chart}
      data-testid="live-chart"
      data-chart-type={config.type}
      data-points={rows.length}
      data-series={keys.length}
    >
      {controls}
      {reason}
      {config.type === 'none' || rows.length === 0 ? (
        <p className={styles.empty}>{config.type === 'none' ? 'Nothing to draw.' : 'Waiting for rows…'}</p>
      ) : (
        <div className={styles.plot}>
          <ResponsiveContainer width="100%" height="100%">
            {config.type === 'bar' ? (
              <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
                <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
                <XAxis dataKey="x" stroke="var(--text-muted)" />
                <YAxis stroke="var(--text-muted)" />
                <Tooltip isAnimationActive={false} />
                <Legend />
                {keys.map((k, i) => (
                  <Bar key={k} dataKey={k} fill={seriesColor(i)} isAnimationActive={false} />
                ))}
              </BarChart>
            ) : (
              <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
                <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
                <XAxis
                  dataKey="x"
                  type={numericX ? 'number' : 'category'}
                  domain={numericX ? ['dataMin', 'dataMax'] : undefined}
                  tickFormatter={timeTick}
                  stroke="var(--text-muted)"
                />
                <YAxis stroke="var(--text-muted)" />
                <Tooltip isAnimationActive={false} labelFormatter={timeTick} />
                <Legend />
                {keys.map((k, i) => (
                  <Line
                    key={k}
                    dataKey={k}
                    stroke={seriesColor(i)}
                    dot={false}
                    isAnimationActive={false}
                    connectNulls
                    strokeWidth={2}
                  />
                ))}
              </LineChart>
            )}
          </ResponsiveContainer>
        </div>
      )}
    </div>
  );
}
