'use client';

import { useState } from 'react';
import { API_KEY_STORAGE_KEY, ENGINE_URL_STORAGE_KEY, isHttpUrl } from '../../lib/client/engine-url';
import { SettingsSchema } from '../../lib/client/settings';
import { PageFrame } from '../ui/page-frame';
import styles from '../ui/page-frame.module.css';
import { useEngineContext } from '../workbench/engine-context';

/** Engine URL, theme and how many rows a result keeps. */
export function SettingsForm() {
  const { engine, settings, setSettings } = useEngineContext();
  const [edited, setUrl] = useState<string | null>(null);
  const url = edited ?? engine.url;
  const [theme, setTheme] = useState(settings.theme);
  const [maxRows, setMaxRows] = useState(String(settings.maxRows));
  const [apiKey, setApiKey] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const save = (): void => {
    const next = SettingsSchema.safeParse({ theme, maxRows: Number(maxRows) });
    if (!next.success)
      return setMessage({ ok: false, text: 'Rows kept must be a whole number between 100 and 200,000.' });
    if (url.trim() && !isHttpUrl(url.trim()))
      return setMessage({ ok: false, text: 'The engine URL must start with http:// or https://.' });
    setSettings(next.data);
    const changedUrl = url.trim() !== engine.url;
    if (apiKey !== null) {
      if (apiKey.trim()) window.localStorage.setItem(API_KEY_STORAGE_KEY, apiKey.trim());
      else window.localStorage.removeItem(API_KEY_STORAGE_KEY);
    }
    if (changedUrl || apiKey !== null) {
      if (changedUrl && url.trim()) window.localStorage.setItem(ENGINE_URL_STORAGE_KEY, url.trim());
      else if (changedUrl) window.localStorage.removeItem(ENGINE_URL_STORAGE_KEY);
      window.location.reload(); // one socket per page: reconnect to the new engine
      return;
    }
    setMessage({ ok: true, text: 'Saved.' });
  };

  return (
    <PageFrame title="Settings">
      <form
        className={styles.form}
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <label>
          Engine URL
          <input
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            placeholder="http://localhost:8088"
            data-testid="settings-engine-url"
          />
          <span className={styles.muted}>
            Where the Kappa engine listens (REST and socket.io). Empty: port 8088 on this host.
          </span>
        </label>
        <label>
          API key
          <input
            type="password"
            autoComplete="off"
            value={apiKey ?? ''}
            placeholder={engine.error ? 'required by this engine' : 'leave empty if the engine needs none'}
            onChange={(e) => setApiKey(e.target.value)}
            data-testid="settings-api-key"
          />
          <span className={styles.muted}>Kept in this browser only; sent when connecting to the engine.</span>
        </label>
        <label>
          Theme
          <select
            value={theme}
            onChange={(e) => setTheme(e.target.value as typeof theme)}
            data-testid="settings-theme"
          >
            <option value="system">Follow the system</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </label>
        <label>
          Rows kept per result
          <input
            type="number"
            min={100}
            max={200000}
            step={100}
            value={maxRows}
            onChange={(e) => setMaxRows(e.target.value)}
            data-testid="settings-max-rows"
          />
          <span className={styles.muted}>
            The grid keeps the newest rows; older ones are let go (never the engine&apos;s memory).
          </span>
        </label>
        <div className={styles.actions}>
          <button type="submit" data-testid="settings-save">
            Save
          </button>
          {message && (
            <span
              className={message.ok ? styles.ok : styles.error}
              role="status"
              data-testid="settings-message"
            >
              {message.text}
            </span>
          )}
        </div>
      </form>
    </PageFrame>
  );
}
