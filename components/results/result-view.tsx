'use client';

import { useState } from 'react';
import type { ChartOverride } from '../../lib/client/chart-inference';
import { exportFileName, toCsv, toJson } from '../../lib/client/export';
import type { ResultStore } from '../../lib/client/result-store';
import { LiveChart } from '../charts/live-chart';
import { useEngineContext } from '../workbench/engine-context';
import { useStoreVersion } from '../workbench/use-store-version';
import { EntityView } from './entity-view';
import { JsonViewer } from './json-viewer';
import { PlanView } from './plan-view';
import { ResultGrid } from './result-grid';
import styles from './results.module.css';
import { StatusBar } from './status-bar';
import { Icon } from '../ui/icon';

export type ResultTab = 'grid' | 'chart' | 'changelog' | 'plan';

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** One statement's result: Grid, Chart, Changelog and Plan views over its store, and its status line. */
export function ResultView({
  store,
  chart,
  onChart,
  fromNow,
  shared = false,
}: {
  store: ResultStore;
  chart: ChartOverride | undefined;
  onChart: (override: ChartOverride | undefined) => void;
  /** The query reads from the live edge: an empty result then says so. */
  fromNow?: boolean;
  /** Watching someone else's run: leaving detaches, and there is nothing to stop or share. */
  shared?: boolean;
}) {
  const { runs } = useEngineContext();
  useStoreVersion(store, 300);
  const [tab, setTab] = useState<ResultTab>('grid');
  const [json, setJson] = useState<{ value: unknown; column: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const schema = store.schema;

  if (!schema) {
    if (store.statements.length > 0)
      return (
        <div className={styles.scroll}>
          {store.statements.map((s, i) => (
            <EntityView key={i} entity={s.entity} />
          ))}
        </div>
      );
    if (store.phase === 'starting') return <p className={styles.muted}>Running…</p>;
    return null;
  }

  const upsert = schema.mode === 'upsert';
  const tabs: { id: ResultTab; label: string }[] = [
    { id: 'grid', label: upsert ? 'Table' : 'Grid' },
    { id: 'chart', label: 'Chart' },
    ...(upsert ? [{ id: 'changelog' as const, label: 'Changelog' }] : []),
    ...(schema.kind !== 'print' && store.meta.sql ? [{ id: 'plan' as const, label: 'Plan' }] : []),
  ];
  const exportRows = (format: 'csv' | 'json'): void => {
    const names = schema.columns.map((c) => c.name);
    const rows = store.viewRows(tab === 'changelog' ? 'rows' : 'changelog');
    download(
      exportFileName(schema.queryId ?? 'result', format, new Date()),
      format === 'csv' ? 'text/csv' : 'application/json',
      format === 'csv' ? toCsv(names, rows) : toJson(names, rows),
    );
  };
  const runId = store.meta.runId;
  const actions = (
    <span className={styles.actions}>
      {store.phase === 'paused' ? (
        <button
          type="button"
          onClick={() => runs?.resume(runId)}
          data-testid="resume-button"
          aria-label="Resume"
        >
          <Icon name="play" size={10} /> Resume
        </button>
      ) : (
        <button
          type="button"
          onClick={() => runs?.pause(runId)}
          disabled={store.phase !== 'running' || schema.kind === 'pull'}
          data-testid="pause-button"
          aria-label="Pause"
        >
          <Icon name="pause" size={10} /> Pause
        </button>
      )}
      {!shared && (
        <button
          type="button"
          onClick={() => runs?.cancel(runId)}
          disabled={!store.active}
          data-testid="result-stop-button"
          aria-label="Stop this query"
        >
          <Icon name="stop" size={10} /> Stop
        </button>
      )}
      {!shared && schema.kind !== 'pull' && (
        <button
          type="button"
          disabled={!store.active}
          onClick={() => {
            void navigator.clipboard?.writeText(
              `${window.location.origin}/watch/${encodeURIComponent(runId)}`,
            );
            setCopied(true);
          }}
          title="Copy a link that watches this run live (one engine query serves every viewer)"
          data-testid="share-button"
          data-watch-path={`/watch/${encodeURIComponent(runId)}`}
        >
          {copied ? 'Link copied' : 'Share'}
        </button>
      )}
      <button
        type="button"
        onClick={() => exportRows('csv')}
        data-testid="export-csv"
        aria-label="Export as CSV"
      >
        <Icon name="download" size={10} /> CSV
      </button>
      <button
        type="button"
        onClick={() => exportRows('json')}
        data-testid="export-json"
        aria-label="Export as JSON"
      >
        <Icon name="download" size={10} /> JSON
      </button>
    </span>
  );
  return (
    <div className={styles.resultView} data-testid="result-view" data-run-id={runId}>
      <div className={styles.viewTabs} role="tablist" aria-label="Result views">
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            className={tab === t.id ? styles.activeTab : undefined}
            onClick={() => setTab(t.id)}
            data-testid={`view-${t.id}`}
          >
            {t.label}
          </button>
        ))}
        <span className={styles.modeNote}>
          {upsert ? 'one row per key, updated in place' : schema.kind === 'push' ? 'newest rows last' : ''}
        </span>
      </div>
      <div className={styles.viewBody}>
        {tab === 'grid' && (
          <ResultGrid
            store={store}
            mode={upsert ? 'state' : 'rows'}
            onOpenJson={(value, column) => setJson({ value, column })}
            emptyText={
              store.active
                ? fromNow
                  ? 'No rows yet — reading from now; switch to "beginning" to read the history.'
                  : 'No rows yet — waiting for data.'
                : 'No rows.'
            }
          />
        )}
        {tab === 'changelog' && (
          <ResultGrid store={store} mode="rows" onOpenJson={(value, column) => setJson({ value, column })} />
        )}
        {tab === 'chart' && <LiveChart store={store} override={chart} onOverride={onChart} />}
        {tab === 'plan' && <PlanView sql={store.meta.sql} />}
      </div>
      <StatusBar store={store} actions={actions} />
      {json && <JsonViewer value={json.value} title={json.column} onClose={() => setJson(null)} />}
    </div>
  );
}
