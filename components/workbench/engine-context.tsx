'use client';

import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { RunManager } from '../../lib/client/run-manager';
import { DEFAULT_SETTINGS, loadSettings, saveSettings, type Settings } from '../../lib/client/settings';
import { useEngine, type EngineConnection } from './use-engine';

export interface EngineContextValue {
  readonly engine: EngineConnection;
  /** Runs of this page; null until the socket exists. */
  readonly runs: RunManager | null;
  readonly settings: Settings;
  readonly setSettings: (settings: Settings) => void;
  /** The theme in effect (the system's when the setting is "system"). */
  readonly dark: boolean;
}

const EngineContext = createContext<EngineContextValue | null>(null);

function useSystemDark(): boolean {
  const [dark, setDark] = useState(false);
  useEffect(() => {
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    const update = (): void => setDark(query.matches);
    const timer = setTimeout(update, 0);
    query.addEventListener('change', update);
    return () => {
      clearTimeout(timer);
      query.removeEventListener('change', update);
    };
  }, []);
  return dark;
}

/** One engine connection, run manager and set of preferences for every page of the workbench. */
export function EngineProvider({ children }: { children: ReactNode }) {
  const engine = useEngine();
  const [settings, setSettingsState] = useState<Settings>(DEFAULT_SETTINGS);
  const systemDark = useSystemDark();

  useEffect(() => {
    const timer = setTimeout(() => setSettingsState(loadSettings(window.localStorage)), 0);
    return () => clearTimeout(timer);
  }, []);

  const runs = useMemo(
    () => (engine.socket ? new RunManager(engine.socket, { maxRows: DEFAULT_SETTINGS.maxRows }) : null),
    [engine.socket],
  );
  useEffect(() => () => runs?.dispose(), [runs]);

  useEffect(() => {
    runs?.resizeAll(settings.maxRows);
  }, [settings.maxRows, runs]);

  const dark = settings.theme === 'dark' || (settings.theme === 'system' && systemDark);
  useEffect(() => {
    const root = document.documentElement;
    if (settings.theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = settings.theme;
  }, [settings.theme]);

  const value = useMemo<EngineContextValue>(
    () => ({
      engine,
      runs,
      settings,
      dark,
      setSettings: (next) => {
        saveSettings(window.localStorage, next);
        setSettingsState(next);
      },
    }),
    [engine, runs, settings, dark],
  );
  return <EngineContext.Provider value={value}>{children}</EngineContext.Provider>;
}

export function useEngineContext(): EngineContextValue {
  const value = useContext(EngineContext);
  if (!value) throw new Error('useEngineContext outside EngineProvider');
  return value;
}
