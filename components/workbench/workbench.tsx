'use client';

import dynamic from 'next/dynamic';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SourceSummary } from '../../lib/contracts/catalog';
import type { Diagnostic } from '../../lib/contracts/diagnostics';
import { titleFromSql, type DraftTab } from '../../lib/client/drafts';
import type { QuickFix } from '../../lib/client/quick-fixes';
import type { ResultStore } from '../../lib/client/result-store';
import { engineRequests } from '../../lib/client/requests';
import { positionAt, splitStatements } from '../../lib/client/split-statements';
import { statementColumns } from '../../lib/client/statement-columns';
import type { CatalogActions } from '../catalog/catalog-actions';
import { CatalogSidebar } from '../catalog/catalog-sidebar';
import { InsertForm } from '../catalog/insert-form';
import { useCatalog } from '../catalog/use-catalog';
import type { SqlEditorHandle } from '../editor/sql-editor';
import { ResultsPanel } from '../results/results-panel';
import { HealthBadge } from '../ui/health-badge';
import { Splitter } from '../ui/splitter';
import { EditorTabs } from './editor-tabs';
import { useEngineContext } from './engine-context';
import { ErrorPanel } from './error-panel';
import { RunOptions } from './run-options';
import { RunToolbar } from './run-toolbar';
import { SaveDialog } from './save-dialog';
import { useDrafts } from './use-drafts';
import { useEditorServices } from './use-editor-services';
import { useStoresVersion } from './use-store-version';
import { useRunningTabs, useTabRuns, type RunTarget } from './use-tab-runs';
import styles from './workbench.module.css';

const SqlEditor = dynamic(() => import('../editor/sql-editor'), {
  ssr: false,
  loading: () => <div className={styles.placeholder}>Loading editor…</div>,
});

const DEFAULT_TITLE = /^query \d+$/;
const NO_STORES: readonly ResultStore[] = [];

/** The main page: catalog on the left; editor tabs, run options, errors and live results on the right. */
export function Workbench() {
  const { engine, runs, dark } = useEngineContext();
  const drafts = useDrafts();
  const catalog = useCatalog();
  const tabRuns = useTabRuns(runs);
  const running = useRunningTabs(tabRuns.results);
  const editor = useRef<SqlEditorHandle>(null);
  const [live, setLive] = useState<{ tabId: string; diagnostics: readonly Diagnostic[] }>({
    tabId: '',
    diagnostics: [],
  });
  const [saving, setSaving] = useState(false);
  const [inserting, setInserting] = useState<SourceSummary | null>(null);
  const [editorHeight, setEditorHeight] = useState(260);
  const [sidebarWidth, setSidebarWidth] = useState(290);
  useEditorServices(engine.socket, engine.connected, catalog.data);

  const tab = drafts.active;
  const tabResults = tab ? tabRuns.results[tab.id] : undefined;
  // Errors under the editor follow the phases of this tab's results.
  useStoresVersion(tabResults?.stores ?? NO_STORES);

  const runTargets = useCallback(
    async (target: DraftTab, targets: readonly RunTarget[]) => {
      if (DEFAULT_TITLE.test(target.title) && targets[0])
        drafts.update(target.id, { title: titleFromSql(targets[0].text, target.title) });
      const stores = await tabRuns.run(target, targets, (patch) => drafts.update(target.id, patch));
      if (drafts.active?.id === target.id || target === tab)
        editor.current?.showRunDiagnostics(
          stores.flatMap((s) =>
            (s.error?.diagnostics ?? []).map((diagnostic) => ({ diagnostic, baseOffset: s.meta.offset })),
          ),
        );
    },
    [drafts, tabRuns, tab],
  );

  const run = useCallback(
    (mode: 'cursor' | 'all') => {
      if (!tab) return;
      const targets = editor.current?.runTargets(mode) ?? [];
      void runTargets(tab, targets);
    },
    [tab, runTargets],
  );
  const stop = useCallback(() => {
    if (tab) tabRuns.stop(tab.id);
  }, [tab, tabRuns]);

  // Ctrl/Cmd+Enter also runs when the focus is outside the editor (on a result, in the sidebar).
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey)) return;
      if ((e.target as HTMLElement | null)?.closest('.monaco-editor, dialog, input, textarea, select'))
        return;
      e.preventDefault();
      run(e.shiftKey ? 'all' : 'cursor');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [run]);

  const actions: CatalogActions = {
    openTab: (sql, options = {}) => {
      const id = drafts.add({
        sql,
        title: options.title ?? titleFromSql(sql, 'query'),
        from: options.from ?? 'beginning',
        properties: options.properties ?? {},
        ...(options.savedQueryId ? { savedQueryId: options.savedQueryId } : {}),
      });
      if (options.run) {
        const created: DraftTab = {
          id,
          title: options.title ?? '',
          sql,
          from: options.from ?? 'beginning',
          properties: options.properties ?? {},
        };
        void runTargets(
          created,
          splitStatements(sql).map((s) => ({ text: s.text, offset: s.start })),
        );
      }
    },
    insertInto: setInserting,
  };

  const save = async (name: string, asNew: boolean): Promise<string | null> => {
    if (!tab || !engine.socket) return 'Not connected to the engine.';
    const answer = await engineRequests.save(engine.socket, {
      ...(tab.savedQueryId && !asNew ? { id: tab.savedQueryId } : {}),
      name,
      sql: editor.current?.text() ?? drafts.sqlOf(tab.id),
      settings: { from: tab.from, properties: tab.properties, ...(tab.chart ? { chart: tab.chart } : {}) },
    });
    if (!answer.ok) return `${answer.message} (${answer.code})`;
    drafts.update(tab.id, { savedQueryId: answer.value.id, title: answer.value.name });
    return null;
  };

  const failures = (tabResults?.stores ?? []).filter((s) => s.phase === 'failed' && s.error);
  const locate = (offset: number) => positionAt(editor.current?.text() ?? '', offset);
  const applyFix = (baseOffset: number, fix: QuickFix) => editor.current?.applyEdits(baseOffset, fix.edits);

  if (!drafts.drafts || !tab) return <div className={styles.placeholder}>Loading…</div>;
  return (
    <div className={styles.shell} style={{ gridTemplateColumns: `${sidebarWidth}px 5px 1fr` }}>
      <CatalogSidebar catalog={catalog.data} error={catalog.error} actions={actions} />
      <Splitter
        orientation="vertical"
        label="Resize the catalog"
        testid="sidebar-splitter"
        onResize={(d) => setSidebarWidth((w) => Math.max(180, Math.min(600, w + d)))}
      />
      <main className={styles.main} style={{ gridTemplateRows: `auto ${editorHeight}px 5px auto auto 1fr` }}>
        <header className={styles.header}>
          <EditorTabs
            tabs={drafts.drafts.tabs}
            activeId={tab.id}
            running={running}
            onSelect={drafts.select}
            onClose={(id) => {
              tabRuns.forgetTab(id);
              drafts.close(id);
            }}
            onAdd={() => drafts.add()}
          />
          <RunToolbar
            running={running.has(tab.id)}
            connected={engine.connected}
            onRun={() => run('cursor')}
            onRunAll={() => run('all')}
            onStop={stop}
            onFormat={() => editor.current?.format()}
            onSave={() => setSaving(true)}
          />
          <HealthBadge engine={engine} />
        </header>
        <section className={styles.editor} aria-label="SQL editor">
          <SqlEditor
            tabId={tab.id}
            defaultValue={drafts.sqlOf(tab.id, tab.sql)}
            onChange={drafts.setSql}
            onRun={run}
            onStop={stop}
            onLiveDiagnostics={(diagnostics, tabId) => setLive({ tabId, diagnostics })}
            dark={dark}
            connected={engine.connected}
            handleRef={editor}
          />
        </section>
        <Splitter
          orientation="horizontal"
          label="Resize the editor"
          testid="editor-splitter"
          onResize={(d) => setEditorHeight((h) => Math.max(80, Math.min(900, h + d)))}
        />
        <RunOptions tab={tab} onChange={(patch) => drafts.update(tab.id, patch)} />
        {/* Always a grid item, so the results keep the last (1fr) row whether or not there are errors. */}
        <div>
          <ErrorPanel
            failures={failures}
            live={live.tabId === tab.id ? live.diagnostics : []}
            columnsFor={(statement) => statementColumns(statement, catalog.data?.sources ?? [])}
            locate={locate}
            onReveal={(offset) => editor.current?.reveal(offset)}
            onFix={applyFix}
          />
        </div>
        <section className={styles.results} data-testid="results-panel" aria-label="Results">
          <ResultsPanel
            stores={tabResults?.stores ?? []}
            selected={tabResults?.selected ?? 0}
            onSelect={(i) => tabRuns.select(tab.id, i)}
            chart={tab.chart}
            onChart={(chart) => drafts.update(tab.id, { chart })}
            fromNow={tab.from === 'now'}
          />
        </section>
      </main>
      {saving && (
        <SaveDialog
          initialName={tab.title}
          overwriting={tab.savedQueryId !== undefined}
          onSave={save}
          onClose={() => setSaving(false)}
        />
      )}
      {inserting && <InsertForm source={inserting} onClose={() => setInserting(null)} />}
    </div>
  );
}
