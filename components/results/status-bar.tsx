'use client';

import { compactNumber, formatElapsed } from '../../lib/client/format-value';
import type { ResultStore } from '../../lib/client/result-store';
import { useNow, useStoreVersion } from '../workbench/use-store-version';
import styles from './results.module.css';

const PHASE_TEXT: Record<ResultStore['phase'], string> = {
  starting: 'starting',
  running: 'running',
  paused: 'paused',
  ended: 'ended',
  failed: 'failed',
  done: 'done',
};

/**
 * What the stream is doing, always: state, elapsed time, rows received and kept, rows/s, rows the
 * engine dropped for this viewer, lag behind the live edge and delivery latency.
 */
export function StatusBar({ store, actions }: { store: ResultStore; actions?: React.ReactNode }) {
  useStoreVersion(store, 250);
  const now = useNow(store.active);
  const status = store.status;
  const elapsed = (store.endedAt ?? (now || store.startedAt)) - store.startedAt;
  const received = store.rows.totalPushed;
  const kept = store.changelog ? store.changelog.size : store.rows.size;
  const dropped = status?.droppedForViewer ?? 0;
  const parts: { label: string; value: string; testid: string; warn?: boolean; title?: string }[] = [
    { label: '', value: formatElapsed(Math.max(0, elapsed)), testid: 'status-elapsed' },
    {
      label: received === 1 ? 'row' : 'rows',
      value: received.toLocaleString('en-US'),
      testid: 'status-rows',
      title: `${kept.toLocaleString('en-US')} ${store.changelog ? 'keys' : 'rows'} kept (newest ${store.rows.capacity.toLocaleString('en-US')})`,
    },
    { label: 'rows/s', value: compactNumber(status?.rowsPerSecond ?? 0), testid: 'status-rate' },
    {
      label: 'dropped',
      value: dropped.toLocaleString('en-US'),
      testid: 'status-dropped',
      warn: dropped > 0,
      title: 'Rows the engine could not deliver to this browser in time',
    },
    {
      label: 'lag',
      value: status?.lagRecords == null ? '–' : compactNumber(status.lagRecords),
      testid: 'status-lag',
      title: 'Records behind the end of the input topics',
    },
  ];
  if (store.latencyMs !== null)
    parts.push({ label: 'latency', value: `${store.latencyMs} ms`, testid: 'status-latency' });
  if ((status?.viewers ?? 1) > 1)
    parts.push({ label: 'viewers', value: String(status?.viewers), testid: 'status-viewers' });
  return (
    <div className={styles.statusBar} data-testid="status-bar" aria-live="polite" role="status">
      <span className={styles.phase} data-phase={store.phase} data-testid="status-phase">
        <span className={styles.dot} aria-hidden />
        {PHASE_TEXT[store.phase]}
      </span>
      {parts.map((p) => (
        <span
          key={p.testid}
          data-testid={p.testid}
          className={p.warn ? styles.warn : undefined}
          title={p.title}
        >
          {p.value}
          {p.label ? ` ${p.label}` : ''}
        </span>
      ))}
      <span className={styles.spacer} />
      {actions}
    </div>
  );
}
