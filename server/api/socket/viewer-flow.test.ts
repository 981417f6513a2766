import { afterEach, describe, expect, it } from 'vitest';
import { FakeEngine, FakeQuery, ORDER_COLUMNS } from './test-kit/fake-engine';
import { startHarness, until, type Harness } from './test-kit/harness';
import { record, row } from './test-kit/recorder';

describe('slow viewers', () => {
  let harness: Harness;
  afterEach(() => harness?.close());

  it('bounds a slow viewer: drops are counted while a fast viewer gets every row', async () => {
    const engine = new FakeEngine();
    harness = await startHarness(engine, {
      limits: { maxBufferedRows: 500, maxBatchRows: 100, maxInFlight: 2 },
    });
    const fast = await harness.client();
    const slow = await harness.client();
    const f = record(fast);
    const s = record(slow, { ack: false });
    fast.emit('query:run', {
      runId: 'busy',
      sql: 'SELECT * FROM o EMIT CHANGES;',
      properties: {},
      variables: {},
    });
    await until(() => f.schema.length === 1);
    await slow.emitWithAck('query:attach', { runId: 'busy' });
    await until(() => s.schema.length === 1);
    // The engine delivers in batches across event-loop turns, as a Kafka consumer does.
    for (let i = 0; i < 20; i++) {
      engine.queries[0]!.emit(Array.from({ length: 250 }, (_, j) => row(i * 250 + j)));
      await new Promise((r) => setTimeout(r, 25));
    }
    await until(() => f.rowCount === 5000, 5000, 'fast viewer rows');
    // The slow viewer has two unacknowledged batches; at most 500 more rows wait for it.
    await until(() => s.status.at(-1)?.droppedForViewer === 5000 - 200 - 500, 3000, 'drops reported');
    expect(s.rowCount).toBe(200);
    expect(f.status.at(-1)!.droppedForViewer).toBe(0);
    // Once it catches up it gets the newest rows, never the dropped ones.
    await until(
      () => {
        for (const ack of s.pendingAcks.splice(0)) ack();
        return s.rowCount === 700;
      },
      3000,
      'slow viewer catches up',
    );
    expect(s.rows.at(-1)!.rows.at(-1)).toEqual([4999, 'item-4999']);
  });

  it('compacts a slow viewer queue by key for upsert results', async () => {
    const engine = new FakeEngine();
    engine.nextQuery = (sql) => new FakeQuery('t1', sql, ORDER_COLUMNS, { mode: 'upsert' });
    harness = await startHarness(engine, {
      limits: { maxBufferedRows: 100, maxBatchRows: 10, maxInFlight: 1 },
    });
    const client = await harness.client();
    const seen = record(client, { ack: false });
    client.emit('query:run', {
      runId: 'u',
      sql: 'SELECT * FROM t EMIT CHANGES;',
      properties: {},
      variables: {},
    });
    await until(() => seen.schema.length === 1);
    expect(seen.schema[0]!.mode).toBe('upsert');
    // 10 keys updated 100 times each: the queue keeps the newest update per key.
    for (let round = 0; round < 100; round++)
      engine.queries[0]!.emit(Array.from({ length: 10 }, (_, k) => ({ values: [k, `v${round}`] })));
    for (let i = 0; i < 30; i++) {
      for (const ack of seen.pendingAcks.splice(0)) ack();
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(seen.rowCount).toBeLessThan(200);
    const last = new Map(seen.rows.flatMap((b) => b.rows).map((r) => [r[0], r[1]]));
    expect([...last.values()].every((v) => v === 'v99')).toBe(true);
    expect(last.size).toBe(10);
  });
});

describe('backpressure', () => {
  let harness: Harness;
  afterEach(() => harness?.close());

  it('pauses the engine query for a lone slow viewer instead of dropping its rows', async () => {
    const engine = new FakeEngine();
    harness = await startHarness(engine, {
      limits: { maxBufferedRows: 400, maxBatchRows: 100, maxInFlight: 2 },
    });
    const client = await harness.client();
    const seen = record(client, { ack: false });
    client.emit('query:run', {
      runId: 'bp',
      sql: 'SELECT * FROM o EMIT CHANGES;',
      properties: {},
      variables: {},
    });
    await until(() => seen.schema.length === 1);
    const q = engine.queries[0]!;
    q.emit(Array.from({ length: 300 }, (_, i) => row(i)));
    await until(() => q.paused, 3000, 'engine query paused');
    // Acknowledging lets the rows through and the engine continues; nothing was dropped.
    await until(
      () => {
        for (const ack of seen.pendingAcks.splice(0)) ack();
        return seen.rowCount === 300 && !q.paused;
      },
      3000,
      'drained and resumed',
    );
    await until(() => seen.status.length > 0 && seen.status.at(-1)!.droppedForViewer === 0);
  });
});
