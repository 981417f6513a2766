'use client';

import Link from 'next/link';
import { useState } from 'react';
import type { PersistentQuerySummary } from '../../lib/contracts/catalog';
import { engineRequests } from '../../lib/client/requests';
import { ConfirmDialog } from '../ui/modal';
import { useEngineContext } from '../workbench/engine-context';
import styles from './catalog.module.css';
import { Section } from './section';
import { Icon } from '../ui/icon';

/** TERMINATE with a confirmation; the answer (or the error with its code) is returned. */
export function useTerminate(): { ask: (id: string) => void; dialog: React.ReactNode; error: string | null } {
  const { engine } = useEngineContext();
  const [target, setTarget] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const terminate = (id: string): void => {
    if (!engine.socket) return;
    void engineRequests
      .execute(engine.socket, { sql: `TERMINATE ${id};` })
      .then((answer) => setError(answer.ok ? null : `${answer.message} (${answer.code})`));
  };
  const dialog = target ? (
    <ConfirmDialog
      title="Terminate query"
      message={
        <p>
          Stop persistent query <code>{target}</code>? Its sink stops receiving rows. This cannot be undone
          (run the statement again to restart it).
        </p>
      }
      confirmLabel="Terminate"
      onConfirm={() => terminate(target)}
      onClose={() => setTarget(null)}
    />
  ) : null;
  return { ask: setTarget, dialog, error };
}

function QueryItem({
  query,
  onTerminate,
}: {
  query: PersistentQuerySummary;
  onTerminate: (id: string) => void;
}) {
  return (
    <li className={styles.item} data-testid={`query-${query.id}`}>
      <div className={styles.itemRow}>
        <Link
          href={`/queries/${encodeURIComponent(query.id)}`}
          className={styles.itemName}
          title={query.sql}
          data-testid={`query-link-${query.id}`}
        >
          {query.id}
        </Link>
        <span className={styles.state} data-state={query.state}>
          {query.state.toLowerCase()}
        </span>
        <span className={styles.itemActions}>
          <button
            type="button"
            onClick={() => onTerminate(query.id)}
            aria-label={`Terminate ${query.id}`}
            title="TERMINATE"
            data-testid={`terminate-${query.id}`}
          >
            <Icon name="stop" size={10} />
          </button>
        </span>
      </div>
      <div className={styles.meta}>
        <span>→ {query.sinks.join(', ')}</span>
        {query.inputRecordsPerSecond !== null && <span>{query.inputRecordsPerSecond.toFixed(1)} rec/s</span>}
        {query.errorCount > 0 && (
          <span className={styles.error} title={query.lastError?.message}>
            {query.errorCount} errors
          </span>
        )}
      </div>
    </li>
  );
}

/** Persistent queries (CSAS/CTAS/INSERT INTO): state, rates, errors; open one, or terminate it. */
export function QueriesSection({
  queries,
  filter,
}: {
  queries: readonly PersistentQuerySummary[];
  filter: string;
}) {
  const terminate = useTerminate();
  const list = queries.filter(
    (q) => q.id.toLowerCase().includes(filter) || q.sql.toLowerCase().includes(filter),
  );
  return (
    <Section title="Queries" count={list.length} testid="catalog-queries">
      {terminate.error && (
        <p className={styles.error} role="alert">
          {terminate.error}
        </p>
      )}
      {list.length === 0 && (
        <p className={styles.empty}>No persistent queries. CREATE STREAM … AS SELECT starts one.</p>
      )}
      <ul className={styles.list}>
        {list.map((q) => (
          <QueryItem key={q.id} query={q} onTerminate={terminate.ask} />
        ))}
      </ul>
      {terminate.dialog}
    </Section>
  );
}
