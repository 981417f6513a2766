'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { loadDrafts, newTab, saveDrafts, type Drafts, type DraftTab } from '../../lib/client/drafts';

export interface DraftsApi {
  readonly drafts: Drafts | null;
  readonly active: DraftTab | null;
  select(id: string): void;
  add(init?: Partial<Omit<DraftTab, 'id'>>): string;
  close(id: string): void;
  update(id: string, patch: Partial<Omit<DraftTab, 'id' | 'sql'>>): void;
  /** The editor's text changed: kept outside React state, saved shortly after. */
  setSql(id: string, sql: string): void;
  /** The tab's current text (`fallback`: the text it was created with). */
  sqlOf(id: string, fallback?: string): string;
}

const SAVE_DELAY_MS = 300;

/**
 * The editor tabs and their drafts, persisted in localStorage. Typing does not re-render the page:
 * the text of each tab lives in a ref and is written out a moment after the last keystroke (and
 * when the page is hidden).
 */
export function useDrafts(): DraftsApi {
  const [drafts, setDrafts] = useState<Drafts | null>(null);
  const texts = useRef(new Map<string, string>());
  const latest = useRef<Drafts | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const current = latest.current;
    if (!current) return;
    saveDrafts(window.localStorage, {
      ...current,
      tabs: current.tabs.map((t) => ({ ...t, sql: texts.current.get(t.id) ?? t.sql })),
    });
  }, []);
  const saveSoon = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(flush, SAVE_DELAY_MS);
  }, [flush]);

  useEffect(() => {
    const first = setTimeout(() => setDrafts(loadDrafts(window.localStorage)), 0);
    window.addEventListener('pagehide', flush);
    return () => {
      clearTimeout(first);
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);

  useEffect(() => {
    latest.current = drafts;
    if (drafts) saveSoon();
  }, [drafts, saveSoon]);

  const select = useCallback((id: string) => setDrafts((d) => (d ? { ...d, activeId: id } : d)), []);
  const add = useCallback((init: Partial<Omit<DraftTab, 'id'>> = {}) => {
    const id = `tab-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;
    setDrafts((d) => {
      if (!d) return d;
      const title = init.title ?? `query ${d.tabs.length + 1}`;
      const tab = { ...newTab(id, title, init.sql ?? ''), ...init, id, title };
      return { ...d, tabs: [...d.tabs, tab].slice(-50), activeId: id };
    });
    return id;
  }, []);
  const close = useCallback((id: string) => {
    texts.current.delete(id);
    setDrafts((d) => {
      if (!d) return d;
      const index = d.tabs.findIndex((t) => t.id === id);
      const tabs = d.tabs.filter((t) => t.id !== id);
      if (tabs.length === 0) tabs.push(newTab(`tab-${Date.now().toString(36)}`, 'query 1'));
      const activeId = d.activeId === id ? (tabs[Math.max(0, index - 1)]?.id ?? tabs[0]!.id) : d.activeId;
      return { ...d, tabs, activeId };
    });
  }, []);
  const update = useCallback((id: string, patch: Partial<Omit<DraftTab, 'id' | 'sql'>>) => {
    setDrafts((d) => (d ? { ...d, tabs: d.tabs.map((t) => (t.id === id ? { ...t, ...patch } : t)) } : d));
  }, []);
  const setSql = useCallback(
    (id: string, sql: string) => {
      texts.current.set(id, sql);
      saveSoon();
    },
    [saveSoon],
  );
  const sqlOf = useCallback(
    (id: string, fallback?: string) =>
      texts.current.get(id) ?? fallback ?? latest.current?.tabs.find((t) => t.id === id)?.sql ?? '',
    [],
  );

  const active = drafts?.tabs.find((t) => t.id === drafts.activeId) ?? null;
  return { drafts, active, select, add, close, update, setSql, sqlOf };
}
