'use client';

import { useEffect, useState } from 'react';
import { engineRequests } from '../../lib/client/requests';
import { useEngineContext } from '../workbench/engine-context';
import { EntityView } from './entity-view';
import styles from './results.module.css';

type PlanState =
  | { status: 'loading' }
  | { status: 'ok'; entity: Record<string, unknown> | null }
  | { status: 'error'; message: string };

/** EXPLAIN of the statement behind a result: plan text and graph. */
export function PlanView({ sql }: { sql: string }) {
  const { engine } = useEngineContext();
  const [plan, setPlan] = useState<PlanState>({ status: 'loading' });
  useEffect(() => {
    const socket = engine.socket;
    if (!socket) return;
    let live = true;
    const statement = sql.trim().replace(/;$/, '');
    void engineRequests.execute(socket, { sql: `EXPLAIN ${statement};` }).then((answer) => {
      if (!live) return;
      setPlan(
        answer.ok
          ? { status: 'ok', entity: answer.value.entities[0] ?? null }
          : { status: 'error', message: `${answer.message} (${answer.code})` },
      );
    });
    return () => {
      live = false;
    };
  }, [engine.socket, sql]);
  if (plan.status === 'loading') return <p className={styles.muted}>Planning…</p>;
  if (plan.status === 'error')
    return (
      <p className={styles.error} data-testid="plan-error">
        {plan.message}
      </p>
    );
  return <EntityView entity={plan.entity} />;
}
