'use client';

import { useEffect, useState } from 'react';
import { engineRequests } from '../../lib/client/requests';
import { useCatalog } from '../catalog/use-catalog';
import { useTerminate } from '../catalog/queries-section';
import { EntityView } from '../results/entity-view';
import { PageFrame } from '../ui/page-frame';
import styles from '../ui/page-frame.module.css';
import { useEngineContext } from '../workbench/engine-context';

/** A persistent query: its SQL, state, rates and errors, its plan (text and graph), TERMINATE. */
export function QueryDetail({ id }: { id: string }) {
  const { engine } = useEngineContext();
  const catalog = useCatalog();
  const terminate = useTerminate();
  const [plan, setPlan] = useState<{ entity: Record<string, unknown> | null; error: string | null } | null>(
    null,
  );
  const query = catalog.data?.queries.find((q) => q.id === id);
  const socket = engine.connected ? engine.socket : null;

  useEffect(() => {
    if (!socket) return;
    let live = true;
    void engineRequests.execute(socket, { sql: `EXPLAIN ${id};` }).then((answer) => {
      if (live)
        setPlan(
          answer.ok
            ? { entity: answer.value.entities[0] ?? null, error: null }
            : { entity: null, error: `${answer.message} (${answer.code})` },
        );
    });
    return () => {
      live = false;
    };
  }, [socket, id]);

  return (
    <PageFrame title={id}>
      {catalog.data && !query && (
        <p className={styles.muted} data-testid="query-gone">
          This query is not running (it was terminated, or never existed).
        </p>
      )}
      {query && (
        <>
          <section className={styles.card}>
            <h2>Query</h2>
            <dl className={styles.facts} data-testid="query-facts">
              <dt>state</dt>
              <dd data-testid="query-state">{query.state}</dd>
              <dt>reads</dt>
              <dd>{query.sources.join(', ')}</dd>
              <dt>writes</dt>
              <dd>
                {query.sinks.join(', ')} (topic {query.sinkTopics.join(', ') || '–'})
              </dd>
              <dt>input rate</dt>
              <dd>
                {query.inputRecordsPerSecond === null
                  ? '–'
                  : `${query.inputRecordsPerSecond.toFixed(1)} records/s`}
              </dd>
              <dt>processed</dt>
              <dd>{query.processedRecords.toLocaleString('en-US')}</dd>
              <dt>errors</dt>
              <dd className={query.errorCount > 0 ? styles.error : undefined}>
                {query.errorCount}
                {query.lastError
                  ? ` — last: ${query.lastError.message} (${new Date(query.lastError.at).toLocaleString()})`
                  : ''}
              </dd>
            </dl>
          </section>
          <section className={styles.card}>
            <h2>SQL</h2>
            <pre className={styles.pre} data-testid="query-sql">
              {query.sql}
            </pre>
          </section>
          <section className={styles.card}>
            <h2>Actions</h2>
            <div className={styles.actions}>
              <button
                type="button"
                className={styles.danger}
                onClick={() => terminate.ask(query.id)}
                data-testid={`terminate-${query.id}`}
              >
                Terminate…
              </button>
              {terminate.error && <span className={styles.error}>{terminate.error}</span>}
            </div>
          </section>
        </>
      )}
      <section className={styles.card}>
        <h2>Plan</h2>
        {plan?.error && <p className={styles.error}>{plan.error}</p>}
        {plan?.entity && <EntityView entity={plan.entity} />}
        {!plan && <p className={styles.muted}>Loading…</p>}
      </section>
      {terminate.dialog}
    </PageFrame>
  );
}
