'use client';

import { useEffect, useState } from 'react';
import type { ResultStore } from '../../lib/client/result-store';

/**
 * Repaints from a result store at most every `intervalMs` (a few times a second), however many
 * row batches arrive: rows never pass through React state, only this version number does.
 */
export function useStoreVersion(store: ResultStore | null | undefined, intervalMs = 150): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!store) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = 0;
    const onChange = (): void => {
      if (timer !== undefined) return;
      timer = setTimeout(
        () => {
          timer = undefined;
          last = performance.now();
          setVersion(store.version);
        },
        Math.max(0, intervalMs - (performance.now() - last)),
      );
    };
    onChange();
    const off = store.subscribe(onChange);
    return () => {
      off();
      clearTimeout(timer);
    };
  }, [store, intervalMs]);
  return version;
}

/** The current time, ticking every `intervalMs` while `active`. */
export function useNow(active: boolean, intervalMs = 1000): number {
  const [now, setNow] = useState(0);
  useEffect(() => {
    const tick = (): void => setNow(Date.now());
    const first = setTimeout(tick, 0);
    if (!active) return () => clearTimeout(first);
    const timer = setInterval(tick, intervalMs);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [active, intervalMs]);
  return now;
}

/** Repaints when any of `stores` changes (throttled), for views that summarize several results. */
export function useStoresVersion(stores: readonly ResultStore[], intervalMs = 150): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onChange = (): void => {
      timer ??= setTimeout(() => {
        timer = undefined;
        setVersion((v) => v + 1);
      }, intervalMs);
    };
    const offs = stores.map((s) => s.subscribe(onChange));
    return () => {
      clearTimeout(timer);
      for (const off of offs) off();
    };
  }, [stores, intervalMs]);
  return version;
}
