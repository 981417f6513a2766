'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import { useEngineContext } from '../workbench/engine-context';
import { HealthBadge } from './health-badge';
import styles from './page-frame.module.css';

/** The frame of the pages beyond the workbench: a way back, the title, the engine's health. */
export function PageFrame({ title, children }: { title: ReactNode; children: ReactNode }) {
  const { engine } = useEngineContext();
  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <Link href="/" className={styles.back} data-testid="back-to-workbench">
          ← KAPPA
        </Link>
        <h1 className={styles.title}>{title}</h1>
        <HealthBadge engine={engine} />
      </header>
      <main className={styles.body}>{children}</main>
    </div>
  );
}
