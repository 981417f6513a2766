'use client';

import { useState, type ReactNode } from 'react';
import styles from './catalog.module.css';

/** A collapsible sidebar section with a live count. */
export function Section({
  title,
  count,
  defaultOpen = false,
  testid,
  children,
  onToggle,
}: {
  title: string;
  count?: number | null;
  defaultOpen?: boolean;
  testid: string;
  children: ReactNode;
  onToggle?: (open: boolean) => void;
}) {
  const [open, setOpen] = useState(defaultOpen);
  return (
    <section className={styles.section} data-testid={testid}>
      <h2 className={styles.sectionTitle}>
        <button
          type="button"
          aria-expanded={open}
          onClick={() => {
            setOpen(!open);
            onToggle?.(!open);
          }}
          data-testid={`${testid}-toggle`}
        >
          <span aria-hidden>{open ? '▾' : '▸'}</span> {title}
          {count != null && <span className={styles.count}>{count}</span>}
        </button>
      </h2>
      {open && children}
    </section>
  );
}
