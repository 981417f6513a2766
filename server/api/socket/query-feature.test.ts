import { afterEach, describe, expect, it } from 'vitest';
import type {
  QueryEndEvent,
  QueryErrorEvent,
  QueryRowsEvent,
  QueryStatusEvent,
} from '../../../lib/contracts/query';
import type { QuerySchemaEvent, StatementResultEvent } from '../../../lib/contracts/query';
import { FakeEngine, FakeQuery, ORDER_COLUMNS } from './test-kit/fake-engine';
import { startHarness, until, type Harness, type TestClient } from './test-kit/harness';

/** Everything one client hears about runs, in order. */
function record(client: TestClient, options: { ack?: boolean } = {}) {
  const seen = {
    schema: [] as QuerySchemaEvent[],
    rows: [] as QueryRowsEvent[],
    status: [] as QueryStatusEvent[],
    end: [] as QueryEndEvent[],
    error: [] as QueryErrorEvent[],
    results: [] as StatementResultEvent[],
    pendingAcks: [] as (() => void)[],
    get rowCount() {
      return this.rows.reduce((n, b) => n + b.rows.length, 0);
    },
  };
  client.on('query:schema', (e) => seen.schema.push(e));
  client.on('query:rows', (e, ack) => {
    seen.rows.push(e);
    if (options.ack === false) seen.pendingAcks.push(ack);
    else ack();
  });
  client.on('query:status', (e) => seen.status.push(e));
  client.on('query:end', (e) => seen.end.push(e));
  client.on('query:error', (e) => seen.error.push(e));
  client.on('statement:result', (e) => seen.results.push(e));
  return seen;
}

const row = (i: number) => ({ values: [i, `item-${i}`] });

describe('query:run', () => {
  let harness: Harness;
  afterEach(() => harness?.close());

  it('streams schema, batched rows, status and end for a push query', async () => {
    const engine = new FakeEngine();
    harness = await startHarness(engine);
    const client = await harness.client();
    const seen = record(client);
    client.emit('query:run', {
      runId: 'r1',
      sql: 'SELECT * FROM orders EMIT CHANGES;',
      properties: { 'auto.offset.reset': 'earliest' },
      variables: {},
    });
    await until(() => seen.schema.length === 1, 3000, 'schema');
    expect(seen.schema[0]).toMatchObject({
      runId: 'r1',
      kind: 'push',
      mode: 'append',
      keyIndexes: [0],
      columns: [
        { name: 'ID', type: 'BIGINT', key: true },
        { name: 'ITEM', type: 'STRING' },
      ],
    });
    expect(engine.queryCalls[0]?.options.properties).toEqual({ 'auto.offset.reset': 'earliest' });
    const q = engine.queries[0]!;
    q.emit(Array.from({ length: 2500 }, (_, i) => row(i)));
    await until(() => seen.rowCount === 2500, 3000, 'rows');
    expect(Math.max(...seen.rows.map((b) => b.rows.length))).toBeLessThanOrEqual(1000);
    expect(seen.rows.flatMap((b) => b.rows)[2499]).toEqual([2499, 'item-2499']);
    await until(() => seen.status.some((s) => s.rowsTotal === 2500), 3000, 'status');
    client.emit('query:cancel', { runId: 'r1' });
    await until(() => seen.end.length === 1, 3000, 'end');
    expect(seen.end[0]).toEqual({ runId: 'r1', reason: 'cancelled' });
    expect(q.closed).toBe(true);
    expect(seen.status.at(-1)).toMatchObject({ state: 'ended', droppedForViewer: 0 });
  });

  it('sends a small batch within about 50 ms', async () => {
    const engine = new FakeEngine();
    harness = await startHarness(engine);
    const client = await harness.client();
    const seen = record(client);
    client.emit('query:run', {
      runId: 'r',
      sql: 'SELECT * FROM o EMIT CHANGES;',
      properties: {},
      variables: {},
    });
    await until(() => seen.schema.length === 1);
    const started = Date.now();
    engine.queries[0]!.emit([row(1)]);
    await until(() => seen.rowCount === 1);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('answers other statements with statement:result and failures with query:error', async () => {
    const engine = new FakeEngine();
    harness = await startHarness(engine);
    const client = await harness.client();
    const seen = record(client);
    client.emit('query:run', { runId: 's1', sql: 'SHOW STREAMS;', properties: { a: 1 }, variables: {} });
    client.emit('query:run', { runId: 's2', sql: 'DROP STREAM FAIL;', properties: {}, variables: {} });
    await until(() => seen.results.length === 1 && seen.error.length === 1);
    expect(seen.results[0]).toMatchObject({ runId: 's1', commandSequenceNumber: 3 });
    expect(engine.executed[0]).toEqual({ sql: 'SHOW STREAMS;', properties: { a: '1' } });
    expect(seen.error[0]).toMatchObject({ runId: 's2', code: 40001, message: 'Cannot do that.' });
  });

  it('reports a syntax error with its span, and a bad payload with 40000', async () => {
    const engine = new FakeEngine();
    harness = await startHarness(engine);
    const client = await harness.client();
    const seen = record(client);
    client.emit('query:run', { runId: 'e1', sql: 'SELECT * FROM\n  WHERE;', properties: {}, variables: {} });
    client.emit('query:run', { runId: 'e2', sql: 42 } as never);
    await until(() => seen.error.length === 2);
    const syntax = seen.error.find((e) => e.runId === 'e1')!;
    expect(syntax.code).toBe(40001);
    expect(syntax.diagnostics[0]?.span.startLine).toBe(2);
    expect(seen.error.find((e) => e.runId === 'e2')).toMatchObject({ code: 40000 });
    expect(engine.queries).toHaveLength(0);
  });

  it('pauses and resumes the engine query, keeping its position', async () => {
    const engine = new FakeEngine();
    harness = await startHarness(engine);
    const client = await harness.client();
    const seen = record(client);
    client.emit('query:run', {
      runId: 'p',
      sql: 'SELECT * FROM o EMIT CHANGES;',
      properties: {},
      variables: {},
    });
    await until(() => seen.schema.length === 1);
    client.emit('query:pause', { runId: 'p' });
    await until(() => engine.queries[0]!.paused && seen.status.some((s) => s.state === 'paused'));
    client.emit('query:resume', { runId: 'p' });
    await until(() => !engine.queries[0]!.paused && seen.status.at(-1)?.state === 'running');
  });

  it('lets a second browser attach to a run served by one engine query', async () => {
    const engine = new FakeEngine();
    harness = await startHarness(engine);
    const owner = await harness.client();
    const watcher = await harness.client();
    const a = record(owner);
    const b = record(watcher);
    owner.emit('query:run', {
      runId: 'shared',
      sql: 'SELECT * FROM o EMIT CHANGES;',
      properties: {},
      variables: {},
    });
    await until(() => a.schema.length === 1);
    engine.queries[0]!.emit([row(1), row(2)]);
    await until(() => a.rowCount === 2);
    const ack = await watcher.emitWithAck('query:attach', { runId: 'shared' });
    expect(ack).toEqual({ ok: true, value: null });
    await until(() => b.schema.length === 1 && b.rowCount === 2, 3000, 'replay');
    engine.queries[0]!.emit([row(3)]);
    await until(() => a.rowCount === 3 && b.rowCount === 3);
    expect(engine.queries).toHaveLength(1);
    await until(() => (b.status.at(-1)?.viewers ?? 0) === 2);
    owner.emit('query:detach', { runId: 'shared' });
    await new Promise((r) => setTimeout(r, 50));
    expect(engine.queries[0]!.closed).toBe(false);
    watcher.disconnect();
    await until(() => engine.queries[0]!.closed, 3000, 'closed after the last viewer left');
    expect(await owner.emitWithAck('query:attach', { runId: 'nope' })).toMatchObject({
      ok: false,
      code: 40400,
    });
  });

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

  it('closes the engine query when its only viewer disconnects, and honours an early cancel', async () => {
    const engine = new FakeEngine();
    harness = await startHarness(engine);
    const client = await harness.client();
    const seen = record(client);
    client.emit('query:run', {
      runId: 'd',
      sql: 'SELECT * FROM o EMIT CHANGES;',
      properties: {},
      variables: {},
    });
    await until(() => seen.schema.length === 1);
    client.disconnect();
    await until(() => engine.queries[0]!.closed);

    engine.queryDelayMs = 100;
    const other = await harness.client();
    const o = record(other);
    other.emit('query:run', {
      runId: 'early',
      sql: 'SELECT * FROM o EMIT CHANGES;',
      properties: {},
      variables: {},
    });
    await new Promise((r) => setTimeout(r, 20));
    other.emit('query:cancel', { runId: 'early' });
    await until(() => o.end.length === 1);
    expect(o.schema).toHaveLength(0);
    expect(engine.queries[1]!.closed).toBe(true);
  });

  it('rejects a run id that is in use, and reports engine errors as query:error', async () => {
    const engine = new FakeEngine();
    harness = await startHarness(engine);
    const client = await harness.client();
    const seen = record(client);
    client.emit('query:run', {
      runId: 'x',
      sql: 'SELECT * FROM o EMIT CHANGES;',
      properties: {},
      variables: {},
    });
    await until(() => seen.schema.length === 1);
    client.emit('query:run', {
      runId: 'x',
      sql: 'SELECT * FROM o EMIT CHANGES;',
      properties: {},
      variables: {},
    });
    client.emit('query:run', {
      runId: 'y',
      sql: 'SELECT * FROM missing EMIT CHANGES;',
      properties: {},
      variables: {},
    });
    await until(() => seen.error.length === 2);
    expect(seen.error.map((e) => [e.runId, e.code])).toEqual(
      expect.arrayContaining([
        ['x', 40000],
        ['y', 40001],
      ]),
    );
    engine.queries[0]!.end({ reason: 'error', error: { code: 50000, message: 'broker gone' } });
    await until(() => seen.error.length === 3);
    expect(seen.error[2]).toMatchObject({ runId: 'x', code: 50000, message: 'broker gone' });
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
