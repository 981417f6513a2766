'use client';

import { useEffect, useState } from 'react';
import type { TopicTailRequest } from '../../lib/contracts/catalog';
import type { ResultStore } from '../../lib/client/result-store';
import { useTopics } from '../catalog/use-catalog';
import { JsonViewer } from '../results/json-viewer';
import { ResultGrid } from '../results/result-grid';
import { StatusBar } from '../results/status-bar';
import { PageFrame } from '../ui/page-frame';
import styles from '../ui/page-frame.module.css';
import { useEngineContext } from '../workbench/engine-context';

type From = TopicTailRequest['from']['kind'];

/** A topic: partitions and message count, and a live tail from the beginning, now, an offset or a time. */
export function TopicView({ name }: { name: string }) {
  const { runs } = useEngineContext();
  const topics = useTopics(true);
  const topic = topics.data?.find((t) => t.name === name);
  const [from, setFrom] = useState<From>('now');
  const [offset, setOffset] = useState('0');
  const [time, setTime] = useState('');
  const [store, setStore] = useState<ResultStore | null>(null);
  const [json, setJson] = useState<{ value: unknown; column: string } | null>(null);

  useEffect(
    () => () => {
      if (store) runs?.forget(store.meta.runId);
    },
    [store, runs],
  );

  const start = (): void => {
    if (!runs) return;
    if (store) runs.forget(store.meta.runId);
    const position: TopicTailRequest['from'] =
      from === 'offset'
        ? { kind: 'offset', offset: Math.max(0, Number.parseInt(offset, 10) || 0) }
        : from === 'timestamp'
          ? { kind: 'timestamp', timestamp: time ? new Date(time).getTime() : Date.now() }
          : { kind: from };
    setStore(runs.tail({ topic: name, from: position }));
  };

  return (
    <PageFrame title={`topic ${name}`}>
      <section className={styles.card}>
        <h2>Topic</h2>
        {topics.error && <p className={styles.error}>{topics.error}</p>}
        {topic ? (
          <dl className={styles.facts} data-testid="topic-facts">
            <dt>partitions</dt>
            <dd>{topic.partitions}</dd>
            <dt>replicas</dt>
            <dd>{topic.replicas}</dd>
            <dt>messages</dt>
            <dd data-testid="topic-messages">{topic.messages.toLocaleString('en-US')}</dd>
          </dl>
        ) : (
          <p className={styles.muted}>{topics.data ? 'No such topic.' : 'Loading…'}</p>
        )}
      </section>
      <section className={styles.card}>
        <h2>Live tail</h2>
        <div className={styles.actions} role="group" aria-label="Tail from">
          {(['beginning', 'now', 'offset', 'timestamp'] as const).map((kind) => (
            <label key={kind}>
              <input
                type="radio"
                name="tail-from"
                checked={from === kind}
                onChange={() => setFrom(kind)}
                data-testid={`tail-from-${kind}`}
              />{' '}
              {kind}
            </label>
          ))}
          {from === 'offset' && (
            <input
              type="number"
              min={0}
              value={offset}
              onChange={(e) => setOffset(e.target.value)}
              aria-label="Start offset"
              data-testid="tail-offset"
            />
          )}
          {from === 'timestamp' && (
            <input
              type="datetime-local"
              value={time}
              onChange={(e) => setTime(e.target.value)}
              aria-label="Start time"
              data-testid="tail-time"
            />
          )}
          <button type="button" onClick={start} data-testid="tail-start">
            {store?.active ? 'Restart' : 'Start tail'}
          </button>
          <button
            type="button"
            onClick={() => store && runs?.cancel(store.meta.runId)}
            disabled={!store?.active}
            data-testid="tail-stop"
          >
            Stop
          </button>
        </div>
        {store && (
          <div className={styles.tail}>
            <ResultGrid
              store={store}
              mode="rows"
              onOpenJson={(value, column) => setJson({ value, column })}
              emptyText={
                store.error ? `${store.error.message} (${store.error.code})` : 'Waiting for records…'
              }
            />
            <StatusBar store={store} />
          </div>
        )}
      </section>
      {json && <JsonViewer value={json.value} title={json.column} onClose={() => setJson(null)} />}
    </PageFrame>
  );
}
