'use client';

import { useEffect, useRef } from 'react';
import styles from './results.module.css';

function JsonNode({ name, value, depth }: { name: string | null; value: unknown; depth: number }) {
  const label = name === null ? null : <span className={styles.jsonKey}>{name}: </span>;
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value)
      ? value.map((v, i) => [String(i), v] as const)
      : Object.entries(value);
    const brackets = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
    return (
      <details open={depth < 3} className={styles.jsonNode}>
        <summary>
          {label}
          {brackets[0]}
          <span className={styles.muted}>
            {' '}
            {entries.length} {Array.isArray(value) ? 'items' : 'fields'}{' '}
          </span>
          {brackets[1]}
        </summary>
        {entries.map(([k, v]) => (
          <JsonNode key={k} name={k} value={v} depth={depth + 1} />
        ))}
      </details>
    );
  }
  const kind = value === null ? 'null' : typeof value;
  return (
    <div className={styles.jsonLeaf}>
      {label}
      <span className={styles[`json_${kind}`] ?? ''}>{JSON.stringify(value)}</span>
    </div>
  );
}

/** A modal tree view of a nested value (STRUCT, ARRAY, MAP), with copy. */
export function JsonViewer({
  value,
  title,
  onClose,
}: {
  value: unknown;
  title: string;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog
      ref={dialog}
      className={styles.dialog}
      onClose={onClose}
      aria-label={`${title} as JSON`}
      data-testid="json-viewer"
    >
      <header className={styles.dialogHeader}>
        <strong>{title}</strong>
        <span>
          <button
            type="button"
            onClick={() => void navigator.clipboard?.writeText(JSON.stringify(value, null, 2))}
            data-testid="json-copy"
          >
            Copy
          </button>
          <button
            type="button"
            onClick={() => dialog.current?.close()}
            data-testid="json-close"
            aria-label="Close"
          >
            ✕
          </button>
        </span>
      </header>
      <div className={styles.jsonBody}>
        <JsonNode name={null} value={value} depth={0} />
      </div>
    </dialog>
  );
}
