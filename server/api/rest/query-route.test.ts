import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeEngine } from './test-support/fake-engine';
import { h2Open, h2Request } from './test-support/h2-client';
import { startRestServer, type RestServer } from './test-support/harness';
import { sleep, waitFor } from './test-support/wait';

const engine = new FakeEngine();
let server: RestServer;
beforeAll(async () => {
  server = await startRestServer(engine, {}, { keepAliveMs: 50 });
});
afterAll(async () => server.close());

const PULL = JSON.stringify({ ksql: 'SELECT * FROM T WHERE ID=1;' });

async function postText(protocol: 'http1' | 'http2', path: string, body: string, accept?: string) {
  const headers: Record<string, string> = accept ? { accept } : {};
  if (protocol === 'http2') {
    const r = await h2Request(server.url, path, { method: 'POST', body, headers });
    return { status: r.status, type: String(r.headers['content-type']), text: r.body };
  }
  const r = await fetch(server.url + path, { method: 'POST', body, headers });
  return { status: r.status, type: r.headers.get('content-type') ?? '', text: await r.text() };
}

describe.each(['http1', 'http2'] as const)('POST /query over %s', (protocol) => {
  it('streams a pull query as a StreamedRow array with KEY columns and a final message', async () => {
    const r = await postText(protocol, '/query', PULL);
    expect(r.status).toBe(200);
    expect(r.type).toBe('application/vnd.ksql.v1+json');
    const rows = JSON.parse(r.text) as unknown[];
    expect(rows).toEqual([
      {
        header: {
          queryId: expect.stringMatching(/^transient_/),
          schema: '`ID` STRING KEY, `AMOUNT` DECIMAL(4, 2), `N` BIGINT',
        },
      },
      { row: { columns: ['a', 1.1, 1] } },
      { row: { columns: ['b', null, 2] } },
      { finalMessage: 'Query Completed' },
    ]);
    expect(r.text).toContain('"columns":["a",1.10,1]'); // exact decimal digits
    expect(r.text.split('\n')[1]).toBe('{"row":{"columns":["a",1.10,1]}},');
  });

  it('defaults queries to auto.offset.reset=latest unless the request sets it', async () => {
    await postText(protocol, '/query', PULL);
    expect(engine.queryOptions.at(-1)?.properties).toEqual({ 'auto.offset.reset': 'latest' });
    await postText(
      protocol,
      '/query',
      JSON.stringify({
        ksql: 'SELECT 1;',
        streamsProperties: { 'ksql.streams.auto.offset.reset': 'earliest' },
      }),
    );
    expect(engine.queryOptions.at(-1)?.properties).toEqual({ 'ksql.streams.auto.offset.reset': 'earliest' });
  });

  it('streams push rows and tombstones, keeps the connection alive and ends at the limit', async () => {
    const before = engine.queries.length;
    const done = postText(
      protocol,
      '/query',
      JSON.stringify({ ksql: 'SELECT * FROM T EMIT CHANGES LIMIT 2;' }),
    );
    await waitFor(() => engine.queries.length > before);
    const q = engine.lastQuery;
    await q.whenStarted();
    await sleep(120); // idle: keep-alive newlines
    q.push([{ values: ['k', '2.00', 5n] }]);
    q.push([{ values: ['k', null, null], tombstone: true }]);
    q.end({ reason: 'limit' });
    const r = await done;
    expect(r.text).toMatch(/,\n\n+\{"row"/);
    expect(JSON.parse(r.text)).toEqual([
      { header: expect.objectContaining({ schema: '`ID` STRING, `AMOUNT` DECIMAL(4, 2), `N` BIGINT' }) },
      { row: { columns: ['k', 2, 5] } },
      { row: { columns: ['k', null, null], tombstone: true } },
      { finalMessage: 'Limit Reached' },
    ]);
  });

  it('writes a query failure as an errorMessage element', async () => {
    const before = engine.queries.length;
    const done = postText(protocol, '/query', JSON.stringify({ ksql: 'SELECT * FROM S EMIT CHANGES;' }));
    await started(before);
    engine.lastQuery.end({ reason: 'error', error: { code: 50000, message: 'boom' } });
    const r = await done;
    expect(JSON.parse(r.text)).toContainEqual({
      errorMessage: { '@type': 'generic_error', error_code: 50000, message: 'boom' },
    });
  });

  it('streams PRINT as text lines', async () => {
    const before = engine.queries.length;
    const done = postText(protocol, '/query', JSON.stringify({ ksql: "PRINT 's' FROM BEGINNING;" }));
    await started(before);
    engine.lastQuery.push([
      { values: ['Key format: KAFKA_STRING'] },
      { values: ['rowtime: 1, key: a, value: 1, partition: 0'] },
    ]);
    engine.lastQuery.end({ reason: 'limit' });
    expect((await done).text).toBe('Key format: KAFKA_STRING\nrowtime: 1, key: a, value: 1, partition: 0\n');
  });

  it('ends the query when the client goes away', async () => {
    const before = engine.queries.length;
    const ac = new AbortController();
    const body = JSON.stringify({ ksql: 'SELECT * FROM S EMIT CHANGES;' });
    if (protocol === 'http1') {
      const res = await fetch(`${server.url}/query`, { method: 'POST', body, signal: ac.signal });
      expect(res.status).toBe(200);
      await waitFor(() => engine.queries.length > before && engine.lastQuery.sink !== undefined);
      ac.abort();
    } else {
      const s = h2Open(server.url, '/query', { method: 'POST', body });
      expect(await s.status).toBe(200);
      await waitFor(() => engine.queries.length > before && engine.lastQuery.sink !== undefined);
      s.close();
    }
    await waitFor(() => engine.lastQuery.closed);
  });

  it('answers 40001 for a bad statement and 406 for an unsupported Accept', async () => {
    const bad = await postText(protocol, '/query', JSON.stringify({ ksql: 'BAD' }));
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text)).toMatchObject({ error_code: 40001 });
    const r = await postText(protocol, '/query', PULL, 'text/html');
    expect(r.status).toBe(406);
    expect(JSON.parse(r.text)).toMatchObject({ error_code: 40600 });
  });
});

describe('backpressure', () => {
  it('pauses the query while the client does not read and resumes when it does', async () => {
    const before = engine.queries.length;
    const req = http.request(`${server.url}/query`, { method: 'POST' });
    req.end(JSON.stringify({ ksql: 'SELECT * FROM S EMIT CHANGES;' }));
    const res = await new Promise<http.IncomingMessage>((resolve) => req.once('response', resolve));
    res.pause();
    await waitFor(() => engine.queries.length > before && engine.lastQuery.sink !== undefined);
    const q = engine.lastQuery;
    const big = 'x'.repeat(64 * 1024);
    for (let i = 0; i < 200 && !q.paused; i++) q.push([{ values: [big, '1.00', BigInt(i)] }]);
    expect(q.pauses).toBe(1);
    // Rows that keep arriving while paused are bounded (dropped and counted), not buffered.
    for (let i = 0; i < 100; i++) q.push([{ values: [big, '1.00', 0n] }]);
    res.resume();
    res.on('data', () => undefined);
    await waitFor(() => q.resumes > 0);
    req.destroy();
    await waitFor(() => q.closed);
  });
});

/** Waits until the query after the first `before` ones has been started by the route. */
async function started(before: number): Promise<void> {
  await waitFor(() => engine.queries.length > before && engine.lastQuery.sink !== undefined);
}
