import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore, type Store } from './store';

/**
 * Real Prisma on a real database: SQLite in a temp folder, and PostgreSQL when
 * KAPPA_TEST_POSTGRES_URL is set (scripts/test-all.ts sets it when a server answers on 127.0.0.1:5432).
 */
async function exercise(store: Store): Promise<void> {
  const saved = await store.savedQueries.save({
    name: 'orders by region',
    sql: 'SELECT * FROM ORDERS EMIT CHANGES;',
    settings: { offset: 'earliest' },
  });
  expect(saved.settings).toEqual({ offset: 'earliest' });
  const renamed = await store.savedQueries.rename(saved.id, 'big orders');
  expect(renamed.name).toBe('big orders');
  expect((await store.savedQueries.list('big')).map((q) => q.id)).toContain(saved.id);
  expect(await store.savedQueries.list('no-such-query-text')).toEqual([]);

  const runId = await store.runHistory.start({ sql: 'SELECT 1;', kind: 'push' });
  await store.runHistory.finish(runId, {
    status: 'failed',
    rowCount: 3,
    errorCode: 40001,
    errorMessage: 'bad',
  });
  const [latest] = await store.runHistory.recent(1);
  expect(latest).toMatchObject({ id: runId, status: 'failed', rowCount: 3, errorCode: 40001 });
  expect(latest?.durationMs).toBeGreaterThanOrEqual(0);

  expect(await store.savedQueries.remove(saved.id)).toBe(true);
  expect(await store.savedQueries.remove(saved.id)).toBe(false);
}

describe('store', () => {
  it('works on SQLite and survives reopening (migrations applied once)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kappa-store-'));
    const first = await openStore({ dataDir: dir });
    await exercise(first);
    const kept = await first.savedQueries.save({ name: 'kept', sql: 'SHOW STREAMS;' });
    await first.close();
    const second = await openStore({ dataDir: dir });
    expect((await second.savedQueries.list()).map((q) => q.name)).toEqual(['kept']);
    expect(kept.id).toBeTruthy();
    await second.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.runIf(process.env.KAPPA_TEST_POSTGRES_URL)('works on PostgreSQL', async () => {
    const store = await openStore({ databaseUrl: process.env.KAPPA_TEST_POSTGRES_URL, dataDir: '.kappa' });
    await exercise(store);
    await store.close();
  });
});
