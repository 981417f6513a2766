'use client';

import { useEffect, useState } from 'react';
import type { ChartOverride } from '../../lib/client/chart-inference';
import type { ResultStore } from '../../lib/client/result-store';
import { PageFrame } from '../ui/page-frame';
import styles from '../ui/page-frame.module.css';
import { useEngineContext } from '../workbench/engine-context';
import { ResultView } from './result-view';

/**
 * A run someone else started, watched live from a shared link: the engine serves every viewer
 * from the same query, and this page never stops it for the others (leaving only detaches).
 */
export function WatchView({ runId }: { runId: string }) {
  const { runs, engine } = useEngineContext();
  const [store, setStore] = useState<ResultStore | null>(null);
  const [chart, setChart] = useState<ChartOverride | undefined>(undefined);
  const connected = engine.connected;

  useEffect(() => {
    if (!runs || !connected) return;
    let live = true;
    let attached: ResultStore | null = null;
    void runs.attach(runId).then((s) => {
      attached = s;
      if (live) setStore(s);
      else runs.forget(runId);
    });
    return () => {
      live = false;
      if (attached) runs.forget(attached.meta.runId);
    };
  }, [runs, connected, runId]);

  return (
    <PageFrame title={`watching ${runId}`}>
      {!store && <p className={styles.muted}>Connecting…</p>}
      {store?.error && (
        <p className={styles.error} data-testid="watch-error">
          {store.error.message} ({store.error.code})
        </p>
      )}
      {store && !store.error && (
        <div className={styles.tail} style={{ height: '80vh', display: 'flex', flexDirection: 'column' }}>
          <ResultView store={store} chart={chart} onChart={setChart} shared />
        </div>
      )}
    </PageFrame>
  );
}
