'use client';

import dynamic from 'next/dynamic';
import { useState } from 'react';
import { HealthBadge } from '../ui/health-badge';
import { useEngine } from './use-engine';
import styles from './workbench.module.css';

const SqlEditor = dynamic(() => import('../editor/sql-editor'), {
  ssr: false,
  loading: () => <div className={styles.placeholder}>Loading editor…</div>,
});

const starter = `-- Ask your Kafka streams a question, e.g.
SHOW STREAMS;
`;

/** The main page: catalog on the left, editor and results on the right. */
export function Workbench() {
  const engine = useEngine();
  const [sql, setSql] = useState(starter);
  void sql; // the run button (next issue) sends it

  return (
    <div className={styles.shell}>
      <aside className={styles.sidebar} data-testid="catalog-sidebar" aria-label="Catalog">
        <div className={styles.brand}>KAPPA</div>
        <section className={styles.section}>
          <h2 className={styles.sectionTitle}>Streams</h2>
          <h2 className={styles.sectionTitle}>Tables</h2>
          <h2 className={styles.sectionTitle}>Topics</h2>
          <h2 className={styles.sectionTitle}>Queries</h2>
        </section>
      </aside>
      <main className={styles.main}>
        <header className={styles.header}>
          <span className={styles.engineUrl} title="Engine URL">
            {engine.url}
          </span>
          <HealthBadge engine={engine} />
        </header>
        <section className={styles.editor} aria-label="SQL editor">
          <SqlEditor defaultValue={starter} onChange={setSql} />
        </section>
        <section className={styles.results} data-testid="results-panel" aria-label="Results">
          <div className={styles.placeholder}>Run a statement to see results here.</div>
        </section>
      </main>
    </div>
  );
}
