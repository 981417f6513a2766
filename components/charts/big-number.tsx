'use client';

import { Line, LineChart, ResponsiveContainer, YAxis } from 'recharts';
import { compactNumber } from '../../lib/client/format-value';
import styles from './charts.module.css';

/** A single-row aggregate: its latest value, large, with a sparkline of its recent history. */
export function BigNumber({
  label,
  value,
  history,
}: {
  label: string;
  value: number | null;
  history: { x: number; v: number | null }[];
}) {
  return (
    <div className={styles.bigNumber} data-testid="big-number">
      <div className={styles.bigLabel}>{label}</div>
      <div className={styles.bigValue} data-testid="big-number-value">
        {value === null
          ? '–'
          : Math.abs(value) >= 1e4
            ? compactNumber(value)
            : value.toLocaleString('en-US', { maximumFractionDigits: 3 })}
      </div>
      <div className={styles.sparkline} aria-hidden>
        <ResponsiveContainer width="100%" height={60}>
          <LineChart data={history} margin={{ top: 4, bottom: 4, left: 0, right: 0 }}>
            <YAxis hide domain={['auto', 'auto']} />
            <Line dataKey="v" dot={false} isAnimationActive={false} stroke="var(--accent)" strokeWidth={2} />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
