import { describe, expect, it } from 'vitest';
import { DRAFTS_STORAGE_KEY, defaultDrafts, loadDrafts, saveDrafts, titleFromSql, newTab } from './drafts';
import { loadSettings, saveSettings, SETTINGS_STORAGE_KEY } from './settings';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    data,
  };
}

describe('drafts storage', () => {
  it('round-trips tabs with their settings', () => {
    const storage = memoryStorage();
    const drafts = {
      version: 1 as const,
      tabs: [
        {
          ...newTab('a', 'orders', 'SELECT 1;'),
          from: 'now' as const,
          properties: { x: 'y' },
          chart: { type: 'bar' as const },
        },
      ],
      activeId: 'a',
    };
    expect(saveDrafts(storage, drafts)).toBe(true);
    expect(loadDrafts(storage)).toEqual(drafts);
  });

  it('falls back to a fresh tab for missing, corrupt or invalid data', () => {
    expect(loadDrafts(memoryStorage())).toEqual(defaultDrafts());
    expect(loadDrafts(memoryStorage({ [DRAFTS_STORAGE_KEY]: '{nope' }))).toEqual(defaultDrafts());
    expect(
      loadDrafts(memoryStorage({ [DRAFTS_STORAGE_KEY]: JSON.stringify({ version: 2, tabs: [] }) })),
    ).toEqual(defaultDrafts());
  });

  it('repairs an active id that points nowhere', () => {
    const storage = memoryStorage({
      [DRAFTS_STORAGE_KEY]: JSON.stringify({
        version: 1,
        tabs: [{ id: 'x', title: 't', sql: '' }],
        activeId: 'gone',
      }),
    });
    expect(loadDrafts(storage)).toMatchObject({
      activeId: 'x',
      tabs: [{ from: 'beginning', properties: {} }],
    });
  });

  it('survives a storage that throws', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
    };
    expect(loadDrafts(broken)).toEqual(defaultDrafts());
    expect(saveDrafts(broken, defaultDrafts())).toBe(false);
  });

  it('titles tabs from their SQL', () => {
    expect(titleFromSql('-- c\nSELECT * FROM orders;', 'x')).toBe('SELECT * FROM orders');
    expect(titleFromSql('SELECT region, COUNT(*) FROM orders GROUP BY region;', 'x')).toBe(
      'SELECT region, COUNT(*) FRO…',
    );
    expect(titleFromSql('  ', 'query 2')).toBe('query 2');
  });
});

describe('settings storage', () => {
  it('validates and defaults', () => {
    const storage = memoryStorage({ [SETTINGS_STORAGE_KEY]: JSON.stringify({ theme: 'dark', maxRows: 5 }) });
    expect(loadSettings(storage)).toEqual({ theme: 'system', maxRows: 10_000 });
    saveSettings(storage, { theme: 'dark', maxRows: 50_000 });
    expect(loadSettings(storage)).toEqual({ theme: 'dark', maxRows: 50_000 });
  });
});
