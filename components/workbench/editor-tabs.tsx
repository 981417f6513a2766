'use client';

import type { DraftTab } from '../../lib/client/drafts';
import styles from './workbench.module.css';

/** The editor tabs: select, close, add; a dot marks a tab with a running query. */
export function EditorTabs({
  tabs,
  activeId,
  running,
  onSelect,
  onClose,
  onAdd,
}: {
  tabs: readonly DraftTab[];
  activeId: string;
  running: ReadonlySet<string>;
  onSelect: (id: string) => void;
  onClose: (id: string) => void;
  onAdd: () => void;
}) {
  return (
    <div className={styles.tabs} role="tablist" aria-label="Editor tabs">
      {tabs.map((tab, i) => (
        <div key={tab.id} className={`${styles.tab} ${tab.id === activeId ? styles.activeTab : ''}`}>
          <button
            type="button"
            role="tab"
            aria-selected={tab.id === activeId}
            onClick={() => onSelect(tab.id)}
            className={styles.tabButton}
            data-testid={`editor-tab-${i + 1}`}
            title={tab.title}
          >
            {tab.title}
            {running.has(tab.id) && (
              <span className={styles.runningDot} aria-label="running">
                ●
              </span>
            )}
          </button>
          <button
            type="button"
            className={styles.tabClose}
            onClick={() => onClose(tab.id)}
            aria-label={`Close ${tab.title}`}
            data-testid={`close-tab-${i + 1}`}
          >
            ×
          </button>
        </div>
      ))}
      <button
        type="button"
        className={styles.addTab}
        onClick={onAdd}
        aria-label="New tab"
        data-testid="new-tab"
      >
        +
      </button>
    </div>
  );
}
