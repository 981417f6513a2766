'use client';

import type { ChartOverride } from '../../lib/client/chart-inference';
import { withoutPosition } from '../../lib/client/quick-fixes';
import type { ResultStore } from '../../lib/client/result-store';
import { useStoreVersion } from '../workbench/use-store-version';
import { ResultView } from './result-view';
import styles from './results.module.css';

const ICON: Record<ResultStore['phase'], string> = {
  starting: '…',
  running: '●',
  paused: '‖',
  ended: '■',
  failed: '✕',
  done: '✓',
};

function Chip({
  store,
  selected,
  onSelect,
}: {
  store: ResultStore;
  selected: boolean;
  onSelect: () => void;
}) {
  useStoreVersion(store, 500);
  const label = store.meta.sql.replace(/\s+/g, ' ').slice(0, 36);
  return (
    <button
      type="button"
      role="tab"
      aria-selected={selected}
      className={`${styles.chip} ${selected ? styles.activeChip : ''}`}
      data-phase={store.phase}
      onClick={onSelect}
      title={store.meta.sql}
      data-testid={`result-chip-${store.meta.index}`}
    >
      <span className={styles.chipIcon} aria-hidden>
        {ICON[store.phase]}
      </span>
      {store.meta.index}. {label}
    </button>
  );
}

/** The active tab's results: one per statement of the last run, each selectable. */
export function ResultsPanel({
  stores,
  selected,
  onSelect,
  chart,
  onChart,
  fromNow,
}: {
  stores: readonly ResultStore[];
  selected: number;
  onSelect: (index: number) => void;
  chart: ChartOverride | undefined;
  onChart: (override: ChartOverride | undefined) => void;
  fromNow: boolean;
}) {
  const store = stores[Math.min(selected, stores.length - 1)];
  if (!store)
    return (
      <div className={styles.placeholder} data-testid="results-empty">
        Run a statement to see results here — <kbd>Ctrl</kbd>/<kbd>⌘</kbd>+<kbd>Enter</kbd> runs the one at
        the cursor, <kbd>Shift</kbd>+<kbd>Ctrl</kbd>/<kbd>⌘</kbd>+<kbd>Enter</kbd> runs them all.
      </div>
    );
  return (
    <div className={styles.panel}>
      {stores.length > 1 && (
        <div className={styles.chips} role="tablist" aria-label="Statement results">
          {stores.map((s, i) => (
            <Chip key={s.meta.runId} store={s} selected={s === store} onSelect={() => onSelect(i)} />
          ))}
        </div>
      )}
      {store.phase === 'failed' && store.error ? (
        <div className={styles.failed} data-testid="result-error">
          <strong>Error {store.error.code}</strong> {withoutPosition(store.error.message)}
          {store.error.diagnostics.length > 0 && (
            <span className={styles.muted}> — marked in the editor.</span>
          )}
        </div>
      ) : (
        <ResultView key={store.meta.runId} store={store} chart={chart} onChart={onChart} fromNow={fromNow} />
      )}
    </div>
  );
}
