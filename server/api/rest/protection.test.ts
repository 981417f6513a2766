import { afterEach, describe, expect, it } from 'vitest';
import { FakeEngine } from './test-support/fake-engine';
import { h2Request } from './test-support/h2-client';
import { startRestServer, type RestServer } from './test-support/harness';
import { waitFor } from './test-support/wait';

let server: RestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const basic = (user: string, password: string): string =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('authentication', () => {
  it.each(['http1', 'http2'] as const)(
    'requires credentials over %s when configured (401 / 40100)',
    async (protocol) => {
      server = await startRestServer(new FakeEngine(), {
        basicAuth: [{ user: 'u', password: 'p' }],
        apiKeys: ['key'],
      });
      const get = async (path: string, headers: Record<string, string> = {}) => {
        if (protocol === 'http2') {
          const r = await h2Request(server!.url, path, { headers });
          return { status: r.status, body: r.body, auth: r.headers['www-authenticate'] };
        }
        const r = await fetch(server!.url + path, { headers });
        return { status: r.status, body: await r.text(), auth: r.headers.get('www-authenticate') };
      };
      const denied = await get('/info');
      expect(denied.status).toBe(401);
      expect(JSON.parse(denied.body)).toEqual({
        '@type': 'generic_error',
        error_code: 40100,
        message: 'Unauthorized',
      });
      expect(denied.auth).toMatch(/^Basic/);
      expect((await get('/info', { authorization: basic('u', 'wrong') })).status).toBe(401);
      expect((await get('/nope')).status).toBe(401); // routes are not revealed without credentials
      expect((await get('/info', { authorization: basic('u', 'p') })).status).toBe(200);
      expect((await get('/info', { authorization: 'Bearer key' })).status).toBe(200);
      expect((await get('/info', { 'x-api-key': 'key' })).status).toBe(200);
      expect((await get('/chc/live')).status).toBe(200); // probes stay open
    },
  );
});

describe('CORS', () => {
  it('answers preflights and adds headers for allowed origins only', async () => {
    server = await startRestServer(new FakeEngine(), { apiKeys: ['key'] });
    const preflight = (origin: string) =>
      fetch(`${server!.url}/ksql`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST' },
      });
    const ok = await preflight('http://allowed.example');
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe('http://allowed.example');
    expect(ok.headers.get('access-control-allow-headers')).toContain('authorization');
    const denied = await preflight('http://evil.example');
    expect(denied.status).toBe(403);
    expect(denied.headers.get('access-control-allow-origin')).toBeNull();
    const info = await fetch(`${server.url}/info`, {
      headers: { origin: 'http://allowed.example', 'x-api-key': 'key' },
    });
    expect(info.headers.get('access-control-allow-origin')).toBe('http://allowed.example');
  });

  it('refuses any request from a browser origin outside the list (CSRF), not only preflights', async () => {
    const engine = new FakeEngine();
    server = await startRestServer(engine);
    // A hostile page's form post: no preflight is ever sent for it.
    const csrf = await fetch(`${server.url}/ksql`, {
      method: 'POST',
      headers: { origin: 'http://evil.example', 'content-type': 'text/plain' },
      body: JSON.stringify({ ksql: 'DROP STREAM X;' }),
    });
    expect(csrf.status).toBe(403);
    expect(await csrf.json()).toMatchObject({ error_code: 40300 });
    expect(engine.executed).toEqual([]);
    const info = await fetch(`${server.url}/info`, { headers: { origin: 'null' } });
    expect(info.status).toBe(403);
    // No Origin: not a browser (CLI, ksqlDB clients); served as before.
    expect((await fetch(`${server.url}/info`)).status).toBe(200);
  });
});

describe('query limits', () => {
  it('refuses a push query over the concurrent limit with 40003', async () => {
    const engine = new FakeEngine();
    server = await startRestServer(engine, { maxPushQueries: 1 });
    const ac = new AbortController();
    const first = await fetch(`${server.url}/query`, {
      method: 'POST',
      body: JSON.stringify({ ksql: 'SELECT * FROM S EMIT CHANGES;' }),
      signal: ac.signal,
    });
    expect(first.status).toBe(200);
    const second = await fetch(`${server.url}/query-stream`, {
      method: 'POST',
      body: JSON.stringify({ sql: 'SELECT * FROM S EMIT CHANGES;' }),
    });
    expect(second.status).toBe(400);
    expect(await second.json()).toMatchObject({ error_code: 40003 });
    expect(engine.queries[1]?.closed).toBe(true);
    // Pull queries are not push queries.
    expect(
      (await fetch(`${server.url}/query`, { method: 'POST', body: '{"ksql":"SELECT 1;"}' })).status,
    ).toBe(200);
    ac.abort();
    await waitFor(() => engine.queries[0]?.closed === true);
  });

  it('rate-limits pull queries with 429 / 42900', async () => {
    server = await startRestServer(new FakeEngine(), { pullQueriesPerSecond: 1 });
    const pull = () => fetch(`${server!.url}/query`, { method: 'POST', body: '{"ksql":"SELECT 1;"}' });
    expect((await pull()).status).toBe(200);
    const limited = await pull();
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({ error_code: 42900 });
  });
});
