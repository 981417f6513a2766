'use client';

import { useCallback, useEffect, useState } from 'react';
import type { CatalogSnapshot, TopicSummary } from '../../lib/contracts/catalog';
import type { RunRecord, SavedQuery } from '../../lib/contracts/workbench';
import { engineRequests } from '../../lib/client/requests';
import { useEngineContext } from '../workbench/engine-context';

export interface Loaded<T> {
  readonly data: T | null;
  readonly error: string | null;
  readonly refresh: () => void;
}

/**
 * Keeps a piece of engine state fresh: fetched when connected, again (debounced) whenever one of
 * `events` arrives, and every `pollMs` for counters that move without events.
 */
function useLive<T>(
  fetch:
    | ((
        socket: NonNullable<ReturnType<typeof useEngineContext>['engine']['socket']>,
      ) => Promise<{ ok: true; value: T } | { ok: false; code: number; message: string }>)
    | null,
  events: readonly ('catalog:changed' | 'queries:changed' | 'saved:changed' | 'history:changed')[],
  pollMs: number | null,
): Loaded<T> {
  const { engine } = useEngineContext();
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const refresh = useCallback(() => setTick((t) => t + 1), []);
  const socket = engine.socket;
  const connected = engine.connected;

  useEffect(() => {
    if (!socket || !connected || !fetch) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = (): void => {
      void fetch(socket).then((answer) => {
        if (!live) return;
        if (answer.ok) {
          setData(answer.value);
          setError(null);
        } else setError(`${answer.message} (${answer.code})`);
      });
    };
    const soon = (): void => {
      clearTimeout(timer);
      timer = setTimeout(load, 150);
    };
    timer = setTimeout(load, 0);
    for (const event of events) socket.on(event, soon);
    const poll = pollMs ? setInterval(load, pollMs) : undefined;
    return () => {
      live = false;
      clearTimeout(timer);
      clearInterval(poll);
      for (const event of events) socket.off(event, soon);
    };
    // `events` is a constant list per call site, so it is not a dependency.
  }, [socket, connected, fetch, pollMs, tick]);

  return { data, error, refresh };
}

const fetchCatalog = (s: Parameters<typeof engineRequests.catalog>[0]) => engineRequests.catalog(s);
const fetchTopics = (s: Parameters<typeof engineRequests.topics>[0]) => engineRequests.topics(s);
const fetchHistory = (s: Parameters<typeof engineRequests.history>[0]) => engineRequests.history(s, 100);
const CATALOG_EVENTS = ['catalog:changed', 'queries:changed'] as const;

export function useCatalog(): Loaded<CatalogSnapshot> {
  return useLive(fetchCatalog, CATALOG_EVENTS, 10_000);
}

export function useTopics(enabled: boolean): Loaded<TopicSummary[]> {
  return useLive(enabled ? fetchTopics : null, CATALOG_EVENTS, enabled ? 10_000 : null);
}

export function useHistory(enabled: boolean): Loaded<RunRecord[]> {
  return useLive(enabled ? fetchHistory : null, ['history:changed'], null);
}

export function useSavedQueries(search: string): Loaded<SavedQuery[]> {
  const fetch = useCallback(
    (s: Parameters<typeof engineRequests.savedList>[0]) => engineRequests.savedList(s, search || undefined),
    [search],
  );
  return useLive(fetch, ['saved:changed'], null);
}
