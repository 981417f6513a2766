import { afterEach, describe, expect, it } from 'vitest';
import { FakeEngine } from './test-kit/fake-engine';
import { startHarness, until, type Harness } from './test-kit/harness';
import { record, row } from './test-kit/recorder';

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
