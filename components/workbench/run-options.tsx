'use client';

import { useState } from 'react';
import type { DraftTab } from '../../lib/client/drafts';
import styles from './workbench.module.css';

/**
 * Where push queries start reading — an explicit choice on every tab — and the session properties
 * sent with each statement.
 */
export function RunOptions({
  tab,
  onChange,
}: {
  tab: DraftTab;
  onChange: (patch: Partial<DraftTab>) => void;
}) {
  const [open, setOpen] = useState(false);
  const [draftKey, setDraftKey] = useState('');
  const [draftValue, setDraftValue] = useState('');
  const entries = Object.entries(tab.properties);
  const setProperty = (key: string, value: string | null): void => {
    const next = { ...tab.properties };
    if (value === null) delete next[key];
    else next[key] = value;
    onChange({ properties: next });
  };
  return (
    <div className={styles.options}>
      <fieldset className={styles.from} aria-label="Push queries read from">
        <legend>From:</legend>
        {(['beginning', 'now'] as const).map((from) => (
          <label key={from}>
            <input
              type="radio"
              name={`from-${tab.id}`}
              checked={tab.from === from}
              onChange={() => onChange({ from })}
              data-testid={`from-${from}`}
            />
            {from}
          </label>
        ))}
      </fieldset>
      <button
        type="button"
        className={styles.linkButton}
        onClick={() => setOpen(!open)}
        aria-expanded={open}
        data-testid="properties-toggle"
      >
        Properties {open ? '▾' : '▸'}
        {entries.length > 0 ? ` (${entries.length})` : ''}
      </button>
      {open && (
        <div className={styles.properties} data-testid="properties-panel">
          {entries.map(([k, v]) => (
            <div key={k} className={styles.propertyRow}>
              <code>{k}</code>
              <input
                value={v}
                onChange={(e) => setProperty(k, e.target.value)}
                aria-label={`Value of ${k}`}
                data-testid={`property-value-${k}`}
              />
              <button
                type="button"
                onClick={() => setProperty(k, null)}
                aria-label={`Remove ${k}`}
                data-testid={`property-remove-${k}`}
              >
                ×
              </button>
            </div>
          ))}
          <form
            className={styles.propertyRow}
            onSubmit={(e) => {
              e.preventDefault();
              if (!draftKey.trim()) return;
              setProperty(draftKey.trim(), draftValue);
              setDraftKey('');
              setDraftValue('');
            }}
          >
            <input
              value={draftKey}
              onChange={(e) => setDraftKey(e.target.value)}
              placeholder="property, e.g. ksql.streams.num.stream.threads"
              aria-label="New property name"
              data-testid="property-key"
            />
            <input
              value={draftValue}
              onChange={(e) => setDraftValue(e.target.value)}
              placeholder="value"
              aria-label="New property value"
              data-testid="property-new-value"
            />
            <button type="submit" data-testid="property-add">
              Add
            </button>
          </form>
          <p className={styles.hint}>auto.offset.reset follows the From choice above.</p>
        </div>
      )}
    </div>
  );
}
