'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ResultStore } from '../../lib/client/result-store';
import { useStoreVersion } from '../workbench/use-store-version';
import { gridTemplate } from './column-layout';
import { GridRow } from './grid-row';
import styles from './grid.module.css';
import { Icon } from '../ui/icon';

export interface ResultGridProps {
  readonly store: ResultStore;
  /** `rows`: every row as it came (the raw change log for upsert results); `state`: one row per key. */
  readonly mode: 'rows' | 'state';
  readonly onOpenJson: (value: unknown, column: string) => void;
  readonly emptyText?: string;
}

const ROW_HEIGHT = 26;
const FLASH_MS = 1000;

/**
 * A virtualized grid over a result store: only the visible rows exist in the DOM, and it repaints
 * from the store a few times a second. It follows the newest rows until the user scrolls up; a
 * "Jump to live" pill brings it back.
 */
export function ResultGrid({ store, mode, onOpenJson, emptyText }: ResultGridProps) {
  const version = useStoreVersion(store);
  const scroller = useRef<HTMLDivElement>(null);
  const [follow, setFollow] = useState(true);
  const state = mode === 'state' ? store.changelog : null;
  const entries = state?.rows() ?? null;
  const count = entries ? entries.length : store.rows.size;
  const raw = !state && store.schema?.mode === 'upsert';
  const columns = store.columns;
  const template = gridTemplate(columns, raw ? 28 : 0);

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render on purpose; it is recreated per grid
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    getItemKey: (i) => (entries ? (entries[i]?.key ?? i) : (store.rows.get(i)?.seq ?? i)),
  });

  useEffect(() => {
    if (follow && count > 0) virtualizer.scrollToIndex(count - 1, { align: 'end' });
  }, [follow, count, version, virtualizer]);

  const onWheel = useCallback((e: React.WheelEvent) => {
    if (e.deltaY < 0) setFollow(false);
  }, []);
  const onScroll = useCallback(() => {
    const el = scroller.current;
    if (el && el.scrollTop + el.clientHeight >= el.scrollHeight - ROW_HEIGHT) setFollow(true);
  }, []);
  const onKeyDown = useCallback((e: React.KeyboardEvent) => {
    if (e.key === 'PageUp' || e.key === 'ArrowUp' || e.key === 'Home') setFollow(false);
  }, []);

  const now = Date.now();
  return (
    <div className={styles.wrap}>
      <div
        ref={scroller}
        className={styles.scroller}
        onWheel={onWheel}
        onScroll={onScroll}
        onKeyDown={onKeyDown}
        tabIndex={0}
        role="grid"
        aria-label="Result rows"
        aria-rowcount={count + 1}
        data-testid="result-grid"
        data-row-count={count}
      >
        <div role="row" className={styles.header} style={{ gridTemplateColumns: template }}>
          {raw && (
            <span role="columnheader" className={styles.headerCell} title="Change: + upsert, − delete">
              ±
            </span>
          )}
          {columns.map((c) => (
            <span
              role="columnheader"
              key={c.name}
              className={styles.headerCell}
              title={`${c.name} ${c.type}${c.key ? ' (key)' : ''}`}
            >
              {c.name}
              {c.key && (
                <span className={styles.key} aria-label="key">
                  <Icon name="key" size={10} />
                </span>
              )}
              <span className={styles.type}>{c.type}</span>
            </span>
          ))}
        </div>
        {count === 0 ? (
          <div className={styles.empty} data-testid="grid-empty">
            {emptyText ?? 'No rows yet.'}
          </div>
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const entry = entries?.[item.index];
              const row = entries ? undefined : store.rows.get(item.index);
              const values = entry?.values ?? row?.values ?? [];
              return (
                <GridRow
                  key={item.key}
                  index={item.index}
                  values={values}
                  columns={columns}
                  template={template}
                  top={item.start}
                  flash={entry !== undefined && entry.updates > 1 && now - entry.updatedAt < FLASH_MS}
                  updates={entry?.updates ?? 0}
                  onOpenJson={onOpenJson}
                  {...(raw ? { op: row?.tombstone ? ('delete' as const) : ('upsert' as const) } : {})}
                />
              );
            })}
          </div>
        )}
      </div>
      {!follow && count > 0 && (
        <button
          type="button"
          className={styles.pill}
          onClick={() => setFollow(true)}
          data-testid="jump-to-live"
        >
          Jump to live ↓
        </button>
      )}
    </div>
  );
}
