'use client';

import { useState } from 'react';
import type { CatalogActions } from './catalog-actions';
import styles from './catalog.module.css';
import { Section } from './section';
import { useHistory } from './use-catalog';

const ICON: Record<string, string> = { running: '●', completed: '✓', cancelled: '■', failed: '✕' };

function duration(ms: number | null): string {
  if (ms === null) return '';
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** Every statement run, newest first, with outcome and duration; click to reopen in a tab. */
export function HistorySection({ actions }: { actions: CatalogActions }) {
  const [open, setOpen] = useState(false);
  const history = useHistory(open);
  return (
    <Section title="History" count={history.data?.length ?? null} testid="catalog-history" onToggle={setOpen}>
      {history.error && <p className={styles.error}>{history.error}</p>}
      <ul className={styles.list}>
        {(history.data ?? []).map((run) => (
          <li key={run.id} className={styles.item} data-testid="history-item" data-status={run.status}>
            <button
              type="button"
              className={styles.historyButton}
              onClick={() => actions.openTab(run.sql)}
              data-testid="history-open"
              title={`${run.sql}\n${run.errorMessage ?? ''}`}
            >
              <span className={styles.state} data-state={run.status.toUpperCase()} aria-label={run.status}>
                {ICON[run.status] ?? '?'}
              </span>
              <span className={styles.historySql}>{run.sql.replace(/\s+/g, ' ')}</span>
              <span className={styles.historyMeta}>
                {new Date(run.startedAt).toLocaleTimeString()} · {duration(run.durationMs)}
                {run.rowCount > 0 ? ` · ${run.rowCount} rows` : ''}
                {run.errorCode !== null ? ` · ${run.errorCode}` : ''}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </Section>
  );
}
