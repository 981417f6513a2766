'use client';

import { useEffect, useRef, type ReactNode } from 'react';
import styles from './ui.module.css';

/** A native modal dialog (focus trap, Esc to close and a backdrop come with <dialog>). */
export function Modal({
  title,
  onClose,
  children,
  testid,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  testid: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog ref={ref} className={styles.modal} onClose={onClose} aria-label={title} data-testid={testid}>
      <header className={styles.modalHeader}>
        <strong>{title}</strong>
        <button
          type="button"
          onClick={() => ref.current?.close()}
          aria-label="Close"
          data-testid={`${testid}-close`}
        >
          ✕
        </button>
      </header>
      <div className={styles.modalBody}>{children}</div>
    </dialog>
  );
}

/** Asks before something that cannot be undone (TERMINATE, delete). */
export function ConfirmDialog({
  title,
  message,
  confirmLabel,
  onConfirm,
  onClose,
}: {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Modal title={title} onClose={onClose} testid="confirm-dialog">
      <div>{message}</div>
      <div className={styles.modalActions}>
        <button type="button" onClick={onClose} data-testid="confirm-cancel">
          Cancel
        </button>
        <button
          type="button"
          className={styles.danger}
          onClick={() => {
            onConfirm();
            onClose();
          }}
          data-testid="confirm-ok"
        >
          {confirmLabel}
        </button>
      </div>
    </Modal>
  );
}
