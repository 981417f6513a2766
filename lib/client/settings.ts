import { z } from 'zod';
import type { KeyValueStorage } from './drafts';

/** Workbench preferences kept in localStorage (the engine URL has its own key, see engine-url.ts). */
export const SETTINGS_STORAGE_KEY = 'kappa.settings.v1';

export const SettingsSchema = z.object({
  theme: z.enum(['system', 'light', 'dark']).default('system'),
  /** Rows the grid keeps per result (a ring buffer: the newest are kept). */
  maxRows: z.number().int().min(100).max(200_000).default(10_000),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = { theme: 'system', maxRows: 10_000 };

export function loadSettings(storage: KeyValueStorage): Settings {
  try {
    const text = storage.getItem(SETTINGS_STORAGE_KEY);
    if (text === null) return DEFAULT_SETTINGS;
    const parsed = SettingsSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : DEFAULT_SETTINGS;
  } catch {
    return DEFAULT_SETTINGS;
  }
}

export function saveSettings(storage: KeyValueStorage, settings: Settings): void {
  try {
    storage.setItem(SETTINGS_STORAGE_KEY, JSON.stringify(SettingsSchema.parse(settings)));
  } catch {
    // Storage full or disabled: the settings last for this page only.
  }
}
