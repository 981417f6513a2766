import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { FakeEngine } from '../rest/test-support/fake-engine';
import { startRestServer, type RestServer } from '../rest/test-support/harness';
import { waitFor } from '../rest/test-support/wait';

const engine = new FakeEngine();
let server: RestServer;
beforeAll(async () => {
  server = await startRestServer(engine, { apiKeys: ['key'] });
});
afterAll(async () => server.close());

interface Session {
  readonly frames: string[];
  readonly closed: Promise<{ code: number; reason: string }>;
  readonly ws: WebSocket;
}

function open(request: unknown, headers: Record<string, string> = { 'x-api-key': 'key' }): Session {
  const query = typeof request === 'string' ? request : encodeURIComponent(JSON.stringify(request));
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}/ws/query?request=${query}&version=1`, {
    headers,
  });
  const frames: string[] = [];
  ws.on('message', (data: Buffer) => frames.push(data.toString('utf8')));
  ws.on('error', () => undefined);
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  return { frames, closed, ws };
}

describe('GET /ws/query', () => {
  it('sends the schema, one frame per row, and closes with 1000 when a pull query completes', async () => {
    const s = open({ ksql: 'SELECT * FROM T WHERE ID=1;' });
    expect(await s.closed).toEqual({ code: 1000, reason: 'done' });
    expect(JSON.parse(s.frames[0] ?? '')).toEqual([
      { name: 'ID', schema: { type: 'STRING', fields: null, memberSchema: null }, type: 'KEY' },
      { name: 'AMOUNT', schema: expect.objectContaining({ type: 'DECIMAL' }) },
      { name: 'N', schema: { type: 'BIGINT', fields: null, memberSchema: null } },
    ]);
    expect(s.frames.slice(1)).toEqual([
      '{"row":{"columns":["a",1.10,1]}}',
      '{"row":{"columns":["b",null,2]}}',
    ]);
  });

  it('streams a push query and ends it when the client closes', async () => {
    const before = engine.queries.length;
    const s = open({ ksql: 'SELECT * FROM S EMIT CHANGES;' });
    await waitFor(() => engine.queries.length > before && engine.lastQuery.sink !== undefined);
    engine.lastQuery.push([{ values: ['x', '1.00', 1n] }]);
    await waitFor(() => s.frames.length === 2);
    s.ws.close();
    await waitFor(() => engine.lastQuery.closed);
  });

  it('closes with 1011 when the query fails and 1003 for a bad request', async () => {
    const before = engine.queries.length;
    const failing = open({ ksql: 'SELECT * FROM S EMIT CHANGES;' });
    await waitFor(() => engine.queries.length > before && engine.lastQuery.sink !== undefined);
    engine.lastQuery.end({ reason: 'error', error: { code: 50000, message: 'boom' } });
    expect(await failing.closed).toEqual({ code: 1011, reason: 'boom' });
    expect((await open('%7Bnot-json').closed).code).toBe(1003);
    expect(await open({ ksql: 'BAD' }).closed).toEqual({ code: 1003, reason: 'Syntax error' });
  });

  it('refuses an upgrade without credentials', async () => {
    const s = open({ ksql: 'SELECT 1;' }, {});
    const status = await new Promise<number>((resolve) =>
      s.ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)),
    );
    expect(status).toBe(401);
  });
});

describe('socket.io next to /ws/query', () => {
  it('still upgrades its own WebSocket connections', async () => {
    const { io } = await import('socket.io-client');
    const socket = io(server.url, { transports: ['websocket'], reconnection: false });
    const health = await new Promise<unknown>((resolve, reject) => {
      socket.on('server:health', resolve);
      socket.on('connect_error', reject);
    });
    expect(health).toMatchObject({ serverStatus: 'RUNNING' });
    socket.close();
  });
});
