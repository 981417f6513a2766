'use client';

import Link from 'next/link';
import { useState } from 'react';
import type { CatalogSnapshot } from '../../lib/contracts/catalog';
import { EXAMPLE_STREAM, type CatalogActions } from './catalog-actions';
import styles from './catalog.module.css';
import { HistorySection } from './history-section';
import { QueriesSection } from './queries-section';
import { SavedSection } from './saved-section';
import { Section } from './section';
import { SourceItem } from './source-item';
import { TopicsSection } from './topics-section';

/**
 * The catalog: streams, tables, topics, persistent queries, saved queries and history, with a
 * search box; kept live by catalog:changed from any engine.
 */
export function CatalogSidebar({
  catalog,
  error,
  actions,
}: {
  catalog: CatalogSnapshot | null;
  error: string | null;
  actions: CatalogActions;
}) {
  const [search, setSearch] = useState('');
  const filter = search.trim().toLowerCase();
  const matches = (name: string, columns: readonly { name: string }[]): boolean =>
    !filter ||
    name.toLowerCase().includes(filter) ||
    columns.some((c) => c.name.toLowerCase().includes(filter));
  const sources = catalog?.sources ?? [];
  const streams = sources.filter((s) => s.kind === 'STREAM' && matches(s.name, s.columns));
  const tables = sources.filter((s) => s.kind === 'TABLE' && matches(s.name, s.columns));
  return (
    <aside className={styles.sidebar} data-testid="catalog-sidebar" aria-label="Catalog">
      <div className={styles.brand}>
        <span>KAPPA</span>
        <Link
          href="/settings"
          className={styles.settingsLink}
          aria-label="Settings"
          data-testid="settings-link"
        >
          ⚙
        </Link>
      </div>
      <input
        className={styles.search}
        type="search"
        placeholder="Search streams, tables, columns"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        aria-label="Search the catalog"
        data-testid="catalog-search"
      />
      {error && (
        <p className={styles.error} role="alert">
          {error}
        </p>
      )}
      <Section title="Streams" count={catalog ? streams.length : null} defaultOpen testid="catalog-streams">
        {catalog && sources.length === 0 && (
          <div className={styles.empty} data-testid="catalog-empty">
            <p>No streams yet.</p>
            <button
              type="button"
              onClick={() => actions.openTab(EXAMPLE_STREAM, { title: 'create a stream' })}
              data-testid="create-stream-example"
            >
              Create a stream from a topic
            </button>
          </div>
        )}
        <ul className={styles.list}>
          {streams.map((s) => (
            <SourceItem key={s.name} source={s} actions={actions} />
          ))}
        </ul>
      </Section>
      <Section title="Tables" count={catalog ? tables.length : null} defaultOpen testid="catalog-tables">
        <ul className={styles.list}>
          {tables.map((s) => (
            <SourceItem key={s.name} source={s} actions={actions} />
          ))}
        </ul>
      </Section>
      <TopicsSection filter={filter} actions={actions} />
      <QueriesSection queries={catalog?.queries ?? []} filter={filter} />
      <SavedSection actions={actions} />
      <HistorySection actions={actions} />
    </aside>
  );
}
