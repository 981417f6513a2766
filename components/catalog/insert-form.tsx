'use client';

import { useMemo, useState } from 'react';
import type { SourceSummary } from '../../lib/contracts/catalog';
import { emptyValue, insertStatement, InsertValueError, type FormValue } from '../../lib/client/insert-sql';
import { parseKsqlType } from '../../lib/client/ksql-type';
import { engineRequests } from '../../lib/client/requests';
import { Modal } from '../ui/modal';
import { useEngineContext } from '../workbench/engine-context';
import styles from './catalog.module.css';
import { typeLabel, ValueEditor } from './value-editor';
import { Icon } from '../ui/icon';

/**
 * A form generated from a stream's or table's schema that sends `INSERT INTO … VALUES`. Empty
 * fields are left out (NULL); "Insert" keeps the form open so several rows can go in quickly.
 */
export function InsertForm({ source, onClose }: { source: SourceSummary; onClose: () => void }) {
  const { engine } = useEngineContext();
  const columns = useMemo(
    () =>
      source.columns
        .filter((c) => !c.pseudo && c.header === undefined)
        .map((c) => ({ name: c.name, key: c.key === true, type: parseKsqlType(c.type) })),
    [source],
  );
  const [values, setValues] = useState<Record<string, FormValue>>(() =>
    Object.fromEntries(columns.map((c) => [c.name, emptyValue(c.type)])),
  );
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  let preview = '';
  let problem: string | null = null;
  try {
    preview = insertStatement(source.name, columns, values);
  } catch (error) {
    problem = error instanceof InsertValueError ? error.message : String(error);
  }
  const submit = async (): Promise<void> => {
    if (problem || !engine.socket) return;
    setBusy(true);
    const answer = await engineRequests.execute(engine.socket, { sql: preview });
    setBusy(false);
    setMessage(
      answer.ok
        ? { ok: true, text: `Inserted into ${source.name}.` }
        : { ok: false, text: `${answer.message} (${answer.code})` },
    );
  };
  return (
    <Modal title={`Insert into ${source.name}`} onClose={onClose} testid="insert-form">
      <form
        className={styles.insertForm}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {columns.map((c) => (
          <label key={c.name} className={styles.formRow}>
            <span>
              {c.name}
              {c.key && (
                <span className={styles.keyMark} aria-label="key">
                  <Icon name="key" size={10} />
                </span>
              )}{' '}
              <span className={styles.type}>{typeLabel(c.type)}</span>
            </span>
            <ValueEditor
              type={c.type}
              value={values[c.name] ?? null}
              onChange={(v) => setValues((prev) => ({ ...prev, [c.name]: v }))}
              label={c.name}
              testid={`insert-field-${c.name}`}
            />
          </label>
        ))}
        <p className={styles.empty}>Empty fields are left out: the column is NULL.</p>
        <pre className={styles.preview} data-testid="insert-preview">
          {problem ?? preview}
        </pre>
        {message && (
          <p className={message.ok ? styles.ok : styles.error} role="status" data-testid="insert-result">
            {message.text}
          </p>
        )}
        <div className={styles.formActions}>
          <button type="submit" disabled={busy || problem !== null} data-testid="insert-submit">
            Insert
          </button>
        </div>
      </form>
    </Modal>
  );
}
