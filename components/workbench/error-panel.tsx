'use client';

import type { Diagnostic } from '../../lib/contracts/diagnostics';
import { quickFixes, withoutPosition, type QuickFix } from '../../lib/client/quick-fixes';
import type { ResultStore } from '../../lib/client/result-store';
import styles from './workbench.module.css';

export interface ErrorPanelProps {
  /** Failed statements of the last run. */
  readonly failures: readonly ResultStore[];
  /** Problems found while typing (offsets relative to the whole text). */
  readonly live: readonly Diagnostic[];
  /** Column names a statement may mean (for "did you mean" fixes). */
  readonly columnsFor: (statement: string) => readonly string[];
  /** 1-based line/column of an offset in the editor text. */
  readonly locate: (offset: number) => { line: number; column: number };
  readonly onReveal: (offset: number) => void;
  readonly onFix: (baseOffset: number, fix: QuickFix) => void;
}

function Location({
  offset,
  locate,
  onReveal,
}: {
  offset: number;
  locate: ErrorPanelProps['locate'];
  onReveal: (o: number) => void;
}) {
  const { line, column } = locate(offset);
  return (
    <button
      type="button"
      className={styles.location}
      onClick={() => onReveal(offset)}
      data-testid="error-location"
    >
      Ln {line}, Col {column}
    </button>
  );
}

/**
 * Errors where the user looks: right under the editor, in plain words with the engine's code,
 * where they are (click to go there) and a one-click fix when one is obvious.
 */
export function ErrorPanel(props: ErrorPanelProps) {
  const { failures, live, locate, onReveal, onFix } = props;
  if (failures.length === 0 && live.length === 0) return null;
  if (failures.length > 0)
    return (
      <div className={styles.errorPanel} role="alert" data-testid="error-panel">
        {failures.map((store) => {
          const error = store.error;
          if (!error) return null;
          const first = error.diagnostics.find((d) => d.severity === 'error') ?? error.diagnostics[0];
          const fixes = first ? quickFixes(first, store.meta.sql, props.columnsFor(store.meta.sql)) : [];
          return (
            <div key={store.meta.runId} className={styles.errorItem} data-testid="run-error">
              <span className={styles.errorCode} data-testid="error-code">
                {error.code}
              </span>
              {first && (
                <Location offset={store.meta.offset + first.span.start} locate={locate} onReveal={onReveal} />
              )}
              <span className={styles.errorMessage} data-testid="error-message">
                {first ? withoutPosition(error.message) : error.message}
              </span>
              {fixes.map((fix) => (
                <button
                  key={fix.title}
                  type="button"
                  className={styles.fix}
                  onClick={() => onFix(store.meta.offset, fix)}
                  data-testid="quick-fix"
                >
                  Fix: {fix.title}
                </button>
              ))}
            </div>
          );
        })}
      </div>
    );
  const errors = live.filter((d) => d.severity === 'error');
  const shown = errors.length > 0 ? errors : live;
  return (
    <div className={styles.problems} data-testid="live-problems" aria-live="polite">
      <span className={styles.muted}>
        {shown.length} {shown.length === 1 ? 'problem' : 'problems'}:
      </span>
      {shown.slice(0, 3).map((d, i) => (
        <span key={i} className={styles.problem}>
          <Location offset={d.span.start} locate={locate} onReveal={onReveal} /> {withoutPosition(d.message)}
          {d.code !== undefined ? ` (${d.code})` : ''}
          {(d.fixes ?? []).map((fix) => (
            <button
              key={fix.title}
              type="button"
              className={styles.fix}
              onClick={() => onFix(0, fix)}
              data-testid="quick-fix"
            >
              Fix: {fix.title}
            </button>
          ))}
        </span>
      ))}
    </div>
  );
}
