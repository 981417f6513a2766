'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { DraftTab } from '../../lib/client/drafts';
import type { ResultStore } from '../../lib/client/result-store';
import type { RunManager } from '../../lib/client/run-manager';

export interface TabResults {
  readonly stores: readonly ResultStore[];
  readonly selected: number;
}

export interface RunTarget {
  readonly text: string;
  readonly offset: number;
}

const SET = /^\s*SET\s+'([^']+)'\s*=\s*'([^']*)'\s*;?\s*$/i;
const UNSET = /^\s*UNSET\s+'([^']+)'\s*;?\s*$/i;
const DEFINE = /^\s*DEFINE\s+([A-Za-z_]\w*)\s*=\s*'((?:[^']|'')*)'\s*;?\s*$/i;

/**
 * Runs statements for the editor tabs: one run per statement, in order, each waiting for the
 * previous one to answer (a push query answers with its schema and keeps running); the first
 * failure stops the rest, as ksqlDB does. SET/UNSET update the tab's properties for what follows,
 * DEFINE the variables of this run. Each tab keeps the results of its last run.
 */
export function useTabRuns(runs: RunManager | null) {
  const [results, setResults] = useState<Record<string, TabResults>>({});
  const latest = useRef(results);
  useEffect(() => {
    latest.current = results;
  }, [results]);

  const forgetTab = useCallback(
    (tabId: string) => {
      for (const store of latest.current[tabId]?.stores ?? []) runs?.forget(store.meta.runId);
      setResults((r) => {
        const next = { ...r };
        delete next[tabId];
        return next;
      });
    },
    [runs],
  );

  const run = useCallback(
    async (
      tab: DraftTab,
      targets: readonly RunTarget[],
      patchTab: (patch: Partial<DraftTab>) => void,
    ): Promise<ResultStore[]> => {
      if (!runs || targets.length === 0) return [];
      for (const store of latest.current[tab.id]?.stores ?? []) runs.forget(store.meta.runId);
      const properties: Record<string, string> = { ...tab.properties };
      const variables: Record<string, string> = {};
      const stores: ResultStore[] = [];
      for (const [i, target] of targets.entries()) {
        const set = SET.exec(target.text);
        const unset = UNSET.exec(target.text);
        const define = DEFINE.exec(target.text);
        if (set?.[1] !== undefined) properties[set[1]] = set[2] ?? '';
        if (unset?.[1] !== undefined) delete properties[unset[1]];
        if (define?.[1] !== undefined) variables[define[1]] = (define[2] ?? '').replace(/''/g, "'");
        if (set || unset) patchTab({ properties: { ...properties } });
        const store = runs.run(
          {
            sql: target.text,
            properties: {
              ...properties,
              'auto.offset.reset': tab.from === 'beginning' ? 'earliest' : 'latest',
            },
            variables: { ...variables },
          },
          { index: i + 1, offset: target.offset },
        );
        stores.push(store);
        setResults((r) => ({ ...r, [tab.id]: { stores: [...stores], selected: stores.length - 1 } }));
        if (!(await store.settled)) break;
      }
      return stores;
    },
    [runs],
  );

  const stop = useCallback(
    (tabId: string) => {
      for (const store of latest.current[tabId]?.stores ?? [])
        if (store.active) runs?.cancel(store.meta.runId);
    },
    [runs],
  );

  const select = useCallback((tabId: string, index: number) => {
    setResults((r) => {
      const current = r[tabId];
      return current ? { ...r, [tabId]: { ...current, selected: index } } : r;
    });
  }, []);

  return { results, run, stop, select, forgetTab };
}

/** Tab ids with a query still running, re-evaluated when any of their results changes. */
export function useRunningTabs(results: Record<string, TabResults>): ReadonlySet<string> {
  const [running, setRunning] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const compute = (): void => {
      timer = undefined;
      const ids = Object.entries(results)
        .filter(([, r]) => r.stores.some((s) => s.active))
        .map(([id]) => id);
      setRunning((prev) =>
        prev.size === ids.length && ids.every((id) => prev.has(id)) ? prev : new Set(ids),
      );
    };
    const soon = (): void => {
      timer ??= setTimeout(compute, 200);
    };
    soon();
    const offs = Object.values(results).flatMap((r) => r.stores.map((s) => s.subscribe(soon)));
    return () => {
      clearTimeout(timer);
      for (const off of offs) off();
    };
  }, [results]);
  return running;
}
