'use client';

import { useState } from 'react';
import { Modal } from '../ui/modal';
import styles from './workbench.module.css';

/** Names a query before saving it (or saves over the saved query the tab came from). */
export function SaveDialog({
  initialName,
  overwriting,
  onSave,
  onClose,
}: {
  initialName: string;
  overwriting: boolean;
  onSave: (name: string, asNew: boolean) => Promise<string | null>;
  onClose: () => void;
}) {
  const [name, setName] = useState(initialName);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (asNew: boolean): Promise<void> => {
    if (!name.trim()) return setError('Give the query a name.');
    setBusy(true);
    const failure = await onSave(name.trim(), asNew);
    setBusy(false);
    if (failure) setError(failure);
    else onClose();
  };
  return (
    <Modal title="Save query" onClose={onClose} testid="save-dialog">
      <form
        className={styles.saveForm}
        onSubmit={(e) => {
          e.preventDefault();
          void submit(false);
        }}
      >
        <label>
          Name
          <input
            autoFocus
            value={name}
            onChange={(e) => setName(e.target.value)}
            data-testid="save-name"
            maxLength={200}
          />
        </label>
        {error && (
          <p className={styles.errorText} role="alert">
            {error}
          </p>
        )}
        <div className={styles.saveActions}>
          {overwriting && (
            <button type="button" onClick={() => void submit(true)} disabled={busy} data-testid="save-as-new">
              Save as new
            </button>
          )}
          <button type="submit" disabled={busy} data-testid="save-confirm">
            {overwriting ? 'Save' : 'Save query'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
