import { afterEach, describe, expect, it } from 'vitest';
import { FakeEngine, FakeQuery, ORDER_COLUMNS } from '../../server/api/socket/test-kit/fake-engine';
import { startHarness, until, type Harness } from '../../server/api/socket/test-kit/harness';
import { RunManager } from './run-manager';
import { connectEngine } from './socket';

describe('RunManager against the socket features', () => {
  let harness: Harness;
  let manager: RunManager | undefined;
  afterEach(async () => {
    manager?.dispose();
    await harness?.close();
  });

  async function connected(engine: FakeEngine, maxRows = 100) {
    harness = await startHarness(engine);
    const socket = connectEngine(harness.url);
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    manager = new RunManager(socket, { maxRows });
    return { socket, manager };
  }

  it('fills a bounded result store from a push query and stops it', async () => {
    const engine = new FakeEngine();
    const { manager } = await connected(engine, 100);
    const store = manager.run(
      { sql: 'SELECT * FROM o EMIT CHANGES;', properties: {}, variables: {} },
      { index: 1, offset: 0 },
    );
    expect(await store.settled).toBe(true);
    expect(store.phase).toBe('running');
    engine.queries[0]!.emit(Array.from({ length: 250 }, (_, i) => ({ values: [i, `i${i}`] })));
    await until(() => store.rows.totalPushed === 250);
    expect(store.rows.size).toBe(100);
    expect(store.rows.get(0)).toEqual({ seq: 150, values: [150, 'i150'], tombstone: false });
    manager.cancel(store.meta.runId);
    await until(() => store.phase === 'ended');
    expect(store.end?.reason).toBe('cancelled');
  });

  it('keeps one row per key for upsert results and records errors', async () => {
    const engine = new FakeEngine();
    engine.nextQuery = (sql) => new FakeQuery('t', sql, ORDER_COLUMNS, { mode: 'upsert' });
    const { manager } = await connected(engine);
    const store = manager.run(
      { sql: 'SELECT * FROM t EMIT CHANGES;', properties: {}, variables: {} },
      { index: 1, offset: 0 },
    );
    await store.settled;
    engine.queries[0]!.emit([
      { values: [1, 'a'] },
      { values: [2, 'b'] },
      { values: [1, 'c'] },
      { values: [2, null], tombstone: true },
    ]);
    await until(() => store.rows.totalPushed === 4);
    expect(store.viewRows('changelog')).toEqual([[1, 'c']]);
    expect(store.viewRows('rows')).toHaveLength(4);

    const failed = manager.run(
      { sql: 'SELEC nope', properties: {}, variables: {} },
      { index: 2, offset: 10 },
    );
    expect(await failed.settled).toBe(false);
    expect(failed.error).toMatchObject({ code: 40001 });
  });

  it('answers statements and reports an unknown shared run', async () => {
    const engine = new FakeEngine();
    const { manager } = await connected(engine);
    const store = manager.run(
      { sql: 'SHOW STREAMS;', properties: {}, variables: {} },
      { index: 1, offset: 0 },
    );
    expect(await store.settled).toBe(true);
    expect(store.phase).toBe('done');
    expect(store.statements[0]?.entity).toMatchObject({ '@type': 'currentStatus' });
    const missing = await manager.attach('nobody');
    expect(missing.error).toMatchObject({ code: 40400 });
  });
});
