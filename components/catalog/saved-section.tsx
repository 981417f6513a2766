'use client';

import { useState } from 'react';
import type { SavedQuery } from '../../lib/contracts/workbench';
import { engineRequests } from '../../lib/client/requests';
import { ConfirmDialog } from '../ui/modal';
import { useEngineContext } from '../workbench/engine-context';
import type { CatalogActions } from './catalog-actions';
import styles from './catalog.module.css';
import { Section } from './section';
import { useSavedQueries } from './use-catalog';
import { Icon } from '../ui/icon';

function SavedItem({
  query,
  actions,
  onDelete,
}: {
  query: SavedQuery;
  actions: CatalogActions;
  onDelete: (q: SavedQuery) => void;
}) {
  const { engine } = useEngineContext();
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(query.name);
  const open = (): void => {
    const properties = query.settings['properties'];
    const from = query.settings['from'];
    actions.openTab(query.sql, {
      title: query.name,
      savedQueryId: query.id,
      ...(from === 'now' || from === 'beginning' ? { from } : {}),
      ...(properties && typeof properties === 'object'
        ? { properties: properties as Record<string, string> }
        : {}),
    });
  };
  return (
    <li className={styles.item} data-testid="saved-item" data-name={query.name}>
      {renaming ? (
        <form
          className={styles.itemRow}
          onSubmit={(e) => {
            e.preventDefault();
            if (engine.socket && name.trim())
              void engineRequests.rename(engine.socket, query.id, name.trim());
            setRenaming(false);
          }}
        >
          <input
            autoFocus
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-label="New name"
            data-testid="saved-rename-input"
            onBlur={() => setRenaming(false)}
          />
        </form>
      ) : (
        <div className={styles.itemRow}>
          <button
            type="button"
            className={styles.itemName}
            onClick={open}
            title={query.sql}
            data-testid="saved-open"
          >
            {query.name}
          </button>
          <span className={styles.itemActions}>
            <button
              type="button"
              onClick={() => setRenaming(true)}
              aria-label={`Rename ${query.name}`}
              title="Rename"
              data-testid="saved-rename"
            >
              <Icon name="edit" />
            </button>
            <button
              type="button"
              onClick={() => onDelete(query)}
              aria-label={`Delete ${query.name}`}
              title="Delete"
              data-testid="saved-delete"
            >
              <Icon name="trash" />
            </button>
          </span>
        </div>
      )}
    </li>
  );
}

/** Saved queries: search, open in a tab, rename, delete. */
export function SavedSection({ actions }: { actions: CatalogActions }) {
  const { engine } = useEngineContext();
  const [search, setSearch] = useState('');
  const saved = useSavedQueries(search);
  const [deleting, setDeleting] = useState<SavedQuery | null>(null);
  return (
    <Section title="Saved" count={saved.data?.length ?? null} testid="catalog-saved">
      <input
        className={styles.search}
        type="search"
        placeholder="Search saved queries"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        aria-label="Search saved queries"
        data-testid="saved-search"
      />
      {saved.error && <p className={styles.error}>{saved.error}</p>}
      {saved.data?.length === 0 && (
        <p className={styles.empty}>
          {search ? 'Nothing matches.' : 'Save a query from the toolbar to keep it here.'}
        </p>
      )}
      <ul className={styles.list}>
        {(saved.data ?? []).map((q) => (
          <SavedItem key={q.id} query={q} actions={actions} onDelete={setDeleting} />
        ))}
      </ul>
      {deleting && (
        <ConfirmDialog
          title="Delete saved query"
          message={<p>Delete “{deleting.name}”?</p>}
          confirmLabel="Delete"
          onConfirm={() => {
            if (engine.socket) void engineRequests.remove(engine.socket, deleting.id);
          }}
          onClose={() => setDeleting(null)}
        />
      )}
    </Section>
  );
}
