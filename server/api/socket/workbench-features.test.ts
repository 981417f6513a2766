import { afterEach, describe, expect, it } from 'vitest';
import type { QueryErrorEvent, QueryRowsEvent } from '../../../lib/contracts/query';
import type { RunRecord, SavedQuery } from '../../../lib/contracts/workbench';
import type { DataSource, PersistentQuery } from '../../types/data-source';
import { BIGINT, DOUBLE, INTEGER, STRING } from '../../types/sql-type';
import type { RunHistoryService, SavedQueriesService } from './services';
import { FakeEngine, FakeQuery, fakeCatalog } from './test-kit/fake-engine';
import { startHarness, until, type Harness } from './test-kit/harness';
import { tailStatement } from './topic-tail-feature';

const orders: DataSource = {
  name: 'ORDERS',
  kind: 'STREAM',
  schema: {
    key: [{ name: 'ID', type: BIGINT, namespace: 'KEY' }],
    value: [{ name: 'AMOUNT', type: DOUBLE, namespace: 'VALUE' }],
  },
  topic: 'orders',
  keyFormat: { format: 'KAFKA' },
  valueFormat: { format: 'JSON' },
  keyFeatures: {},
  valueFeatures: {},
  isSource: false,
  sql: 'CREATE STREAM ORDERS …',
};
const csas: PersistentQuery = {
  id: 'CSAS_BIG_1',
  kind: 'CSAS',
  sql: 'CREATE STREAM BIG AS SELECT * FROM ORDERS WHERE AMOUNT > 10;',
  sink: 'BIG',
  sources: ['ORDERS'],
  properties: {},
  state: 'RUNNING',
};

class MemorySaved implements SavedQueriesService {
  items: SavedQuery[] = [];
  async list(search?: string) {
    return this.items.filter((q) => !search || q.name.includes(search) || q.sql.includes(search));
  }
  async save(input: { id?: string; name: string; sql: string }) {
    const record = {
      id: input.id ?? `q${this.items.length + 1}`,
      name: input.name,
      sql: input.sql,
      settings: {},
      createdAt: 1,
      updatedAt: 2,
    };
    this.items = [...this.items.filter((q) => q.id !== record.id), record];
    return record;
  }
  async rename(id: string, name: string) {
    const found = this.items.find((q) => q.id === id)!;
    found.name = name;
    return found;
  }
  async remove(id: string) {
    const before = this.items.length;
    this.items = this.items.filter((q) => q.id !== id);
    return this.items.length < before;
  }
}

class MemoryHistory implements RunHistoryService {
  runs: RunRecord[] = [];
  async start(input: { sql: string; kind: string }) {
    const id = `h${this.runs.length + 1}`;
    this.runs.unshift({
      id,
      sql: input.sql,
      kind: input.kind,
      status: 'running',
      startedAt: 0,
      durationMs: null,
      rowCount: 0,
      errorCode: null,
      errorMessage: null,
      queryId: null,
    });
    return id;
  }
  async finish(
    id: string,
    outcome: { status: 'completed' | 'cancelled' | 'failed'; rowCount: number; errorCode?: number },
  ) {
    const run = this.runs.find((r) => r.id === id)!;
    Object.assign(run, {
      status: outcome.status,
      rowCount: outcome.rowCount,
      durationMs: 5,
      errorCode: outcome.errorCode ?? null,
    });
  }
  async recent(limit = 100) {
    return this.runs.slice(0, limit);
  }
}

describe('workbench socket features', () => {
  let harness: Harness;
  afterEach(() => harness?.close());

  it('serves the catalog and announces changes until the browser leaves', async () => {
    const engine = new FakeEngine();
    engine.catalogView = fakeCatalog([orders], [csas]);
    engine.topicList = [{ name: 'orders', partitions: 3, replicas: 1, messages: 42, internal: false }];
    harness = await startHarness(engine);
    const client = await harness.client();
    const result = await client.emitWithAck('catalog:get');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.commandSequenceNumber).toBe(7);
    expect(result.value.sources[0]).toMatchObject({
      name: 'ORDERS',
      topic: 'orders',
      columns: [
        { name: 'ID', type: 'BIGINT', key: true },
        { name: 'AMOUNT', type: 'DOUBLE' },
      ],
      readQueries: ['CSAS_BIG_1'],
      writeQueries: [],
    });
    expect(result.value.queries[0]).toMatchObject({ id: 'CSAS_BIG_1', sinks: ['BIG'], state: 'RUNNING' });
    expect(await client.emitWithAck('topics:list')).toEqual({ ok: true, value: engine.topicList });

    const changes: number[] = [];
    client.on('catalog:changed', (e) => changes.push(e.commandSequenceNumber));
    engine.changeCatalog(8);
    await until(() => changes.length === 1);
    expect(changes).toEqual([8]);
    client.disconnect();
    await until(() => engine.catalogListenerCount === 0);
  });

  it('answers editor requests, and validates their payloads', async () => {
    const engine = new FakeEngine();
    harness = await startHarness(engine);
    const client = await harness.client();
    const diagnosed = await client.emitWithAck('editor:diagnose', { text: 'SELEC * FROM x;', variables: {} });
    expect(diagnosed.ok && diagnosed.value.diagnostics[0]?.span.endColumn).toBe(6);
    expect(await client.emitWithAck('editor:complete', { text: 'SEL', offset: 3 })).toEqual({
      ok: true,
      value: { items: [{ label: 'SELECT', kind: 'keyword' }] },
    });
    expect(await client.emitWithAck('editor:complete', { text: 'SEL', offset: 9 })).toMatchObject({
      ok: false,
      code: 40000,
    });
    expect(await client.emitWithAck('editor:format', { text: 'select 1' })).toEqual({
      ok: true,
      value: { text: 'SELECT 1', diagnostics: [] },
    });
    expect(await client.emitWithAck('editor:format', { text: 5 } as never)).toMatchObject({
      ok: false,
      code: 40000,
    });
  });

  it('answers through the ack whatever comes before it (no payload, or extra arguments)', async () => {
    const engine = new FakeEngine();
    engine.topicList = [];
    harness = await startHarness(engine);
    const client = await harness.client();
    // An untyped client, as a buggy or hostile one would be: a silent handler leaves it waiting.
    const raw = client as unknown as {
      timeout(ms: number): { emitWithAck(...args: unknown[]): Promise<unknown> };
    };
    expect(await raw.timeout(2000).emitWithAck('topics:list', { unexpected: 1 })).toEqual({
      ok: true,
      value: [],
    });
    expect(await raw.timeout(2000).emitWithAck('editor:format')).toMatchObject({ ok: false, code: 40000 });
    expect(await raw.timeout(2000).emitWithAck('editor:format', { text: 'select 1' }, 'extra')).toMatchObject(
      {
        ok: true,
      },
    );
    expect(await raw.timeout(2000).emitWithAck('query:attach')).toMatchObject({ ok: false, code: 40000 });
  });

  it('saves, renames, searches and deletes saved queries, announcing each change', async () => {
    const engine = new FakeEngine();
    const saved = new MemorySaved();
    harness = await startHarness(engine, { savedQueries: saved });
    const a = await harness.client();
    const b = await harness.client();
    let announced = 0;
    b.on('saved:changed', () => announced++);
    const created = await a.emitWithAck('saved:save', { name: 'Big orders', sql: 'SELECT 1;' });
    expect(created).toMatchObject({ ok: true, value: { name: 'Big orders' } });
    if (!created.ok) return;
    await a.emitWithAck('saved:rename', { id: created.value.id, name: 'Huge orders' });
    expect(await a.emitWithAck('saved:list', { search: 'Huge' })).toMatchObject({
      ok: true,
      value: [{ name: 'Huge orders' }],
    });
    expect(await a.emitWithAck('saved:delete', { id: created.value.id })).toEqual({ ok: true, value: true });
    expect(await a.emitWithAck('saved:save', { name: '', sql: 'x' })).toMatchObject({
      ok: false,
      code: 40000,
    });
    await until(() => announced === 3);
  });

  it('answers 50302 for saved queries when the engine has no database', async () => {
    harness = await startHarness(new FakeEngine());
    const client = await harness.client();
    expect(await client.emitWithAck('saved:list', {})).toMatchObject({ ok: false, code: 50302 });
  });

  it('records every run in the history with its outcome', async () => {
    const engine = new FakeEngine();
    const history = new MemoryHistory();
    harness = await startHarness(engine, { runHistory: history });
    const client = await harness.client();
    let changed = 0;
    client.on('history:changed', () => changed++);
    client.on('query:rows', (_e, ack) => ack());
    client.emit('query:run', {
      runId: 'h1',
      sql: 'SELECT * FROM o EMIT CHANGES;',
      properties: {},
      variables: {},
    });
    client.emit('query:run', { runId: 'h2', sql: 'DROP STREAM FAIL;', properties: {}, variables: {} });
    await until(() => engine.queries.length === 1);
    engine.queries[0]!.emit([{ values: [1, 'a'] }, { values: [2, 'b'] }]);
    engine.queries[0]!.end({ reason: 'limit' });
    await until(() => history.runs.every((r) => r.status !== 'running') && history.runs.length === 2);
    const listed = await client.emitWithAck('history:list', { limit: 10 });
    expect(listed.ok && listed.value.map((r) => [r.kind, r.status, r.rowCount])).toEqual(
      expect.arrayContaining([
        ['push', 'completed', 2],
        ['statement', 'failed', 0],
      ]),
    );
    await until(() => changed >= 4);
  });

  it('runs one-shot statements through statement:execute', async () => {
    const engine = new FakeEngine();
    harness = await startHarness(engine);
    const client = await harness.client();
    const ok = await client.emitWithAck('statement:execute', { sql: 'DESCRIBE ORDERS;' });
    expect(ok).toMatchObject({ ok: true, value: { entities: [{ '@type': 'currentStatus' }] } });
    expect(await client.emitWithAck('statement:execute', { sql: 'TERMINATE FAIL;' })).toEqual({
      ok: false,
      code: 40001,
      message: 'Cannot do that.',
    });
  });

  it('tails a topic from an offset with a PRINT query, filtering what the engine did not skip', async () => {
    const engine = new FakeEngine();
    engine.nextQuery = (sql) =>
      new FakeQuery(
        'print_1',
        sql,
        [
          { name: 'ROWTIME', type: BIGINT, key: false },
          { name: 'PARTITION', type: INTEGER, key: false },
          { name: 'OFFSET', type: BIGINT, key: false },
          { name: 'KEY', type: STRING, key: false },
          { name: 'VALUE', type: STRING, key: false },
        ],
        { kind: 'print' },
      );
    harness = await startHarness(engine);
    const client = await harness.client();
    const rows: QueryRowsEvent[] = [];
    client.on('query:rows', (e, ack) => {
      rows.push(e);
      ack();
    });
    client.emit('topic:tail', { runId: 't', topic: "it's", from: { kind: 'offset', offset: 5 } });
    await until(() => engine.queries.length === 1);
    expect(engine.queryCalls[0]).toMatchObject({
      sql: "PRINT 'it''s' FROM BEGINNING;",
      options: { properties: { 'kappa.tail.from.offset': '5' } },
    });
    await new Promise((r) => setTimeout(r, 20));
    engine.queries[0]!.emit([4, 5, 6].map((o) => ({ values: [1000, 0, o, 'k', 'v'] })));
    await until(() => rows.length === 1);
    expect(rows[0]!.rows.map((r) => r[2])).toEqual([5, 6]);
    const errors: QueryErrorEvent[] = [];
    client.on('query:error', (e) => errors.push(e));
    client.emit('topic:tail', { runId: 'bad', topic: '', from: { kind: 'now' } });
    await until(() => errors.length === 1);
    expect(errors[0]!.code).toBe(40000);
  });

  it('builds PRINT statements for each start position', () => {
    expect(tailStatement({ runId: 'a', topic: 't', from: { kind: 'now' }, limit: 10 }).sql).toBe(
      "PRINT 't' LIMIT 10;",
    );
    expect(tailStatement({ runId: 'a', topic: 't', from: { kind: 'beginning' } }).sql).toBe(
      "PRINT 't' FROM BEGINNING;",
    );
    const byTime = tailStatement({ runId: 'a', topic: 't', from: { kind: 'timestamp', timestamp: 500 } });
    expect(byTime.properties).toEqual({ 'kappa.tail.from.timestamp': '500' });
    expect(byTime.keep?.({ values: [499] }, ['ROWTIME'])).toBe(false);
    expect(byTime.keep?.({ values: [500] }, ['ROWTIME'])).toBe(true);
  });
});
