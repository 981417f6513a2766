'use client';

import styles from './workbench.module.css';

const mod = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';

/** Every editor action as a visible button, with its shortcut in the tooltip. */
export function RunToolbar({
  running,
  connected,
  onRun,
  onRunAll,
  onStop,
  onFormat,
  onSave,
}: {
  running: boolean;
  connected: boolean;
  onRun: () => void;
  onRunAll: () => void;
  onStop: () => void;
  onFormat: () => void;
  onSave: () => void;
}) {
  return (
    <div className={styles.toolbar} role="toolbar" aria-label="Editor actions">
      <button
        type="button"
        className={styles.primary}
        onClick={onRun}
        disabled={!connected}
        title={`Run the statement at the cursor or the selection (${mod}+Enter)`}
        data-testid="run-button"
      >
        ▶ Run
      </button>
      <button
        type="button"
        onClick={onRunAll}
        disabled={!connected}
        title={`Run all statements (Shift+${mod}+Enter)`}
        data-testid="run-all-button"
      >
        Run all
      </button>
      <button type="button" onClick={onStop} disabled={!running} title="Stop (Esc)" data-testid="stop-button">
        ■ Stop
      </button>
      <button
        type="button"
        onClick={onFormat}
        disabled={!connected}
        title="Format (Shift+Alt+F)"
        data-testid="format-button"
      >
        Format
      </button>
      <button
        type="button"
        onClick={onSave}
        disabled={!connected}
        title="Save this query"
        data-testid="save-button"
      >
        Save
      </button>
    </div>
  );
}
