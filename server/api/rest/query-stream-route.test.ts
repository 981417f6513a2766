import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeEngine } from './test-support/fake-engine';
import { h2Open, h2Request } from './test-support/h2-client';
import { startRestServer, type RestServer } from './test-support/harness';
import { waitFor } from './test-support/wait';

const engine = new FakeEngine();
let server: RestServer;
beforeAll(async () => {
  server = await startRestServer(engine);
});
afterAll(async () => server.close());

const PULL = JSON.stringify({
  sql: 'SELECT * FROM T WHERE ID=1;',
  properties: { 'auto.offset.reset': 'earliest' },
});

async function post(protocol: 'http1' | 'http2', body: string, accept?: string) {
  const headers: Record<string, string> = accept ? { accept } : {};
  if (protocol === 'http2') {
    const r = await h2Request(server.url, '/query-stream', { method: 'POST', body, headers });
    return { status: r.status, type: String(r.headers['content-type']), text: r.body };
  }
  const r = await fetch(`${server.url}/query-stream`, { method: 'POST', body, headers });
  return { status: r.status, type: r.headers.get('content-type') ?? '', text: await r.text() };
}

const METADATA = {
  queryId: expect.stringMatching(/^transient_/),
  columnNames: ['ID', 'AMOUNT', 'N'],
  columnTypes: ['STRING', 'DECIMAL(4, 2)', 'BIGINT'],
};

describe.each(['http1', 'http2'] as const)('POST /query-stream over %s', (protocol) => {
  it('answers in the delimited format by default: metadata, then one array per line', async () => {
    const r = await post(protocol, PULL);
    expect(r.status).toBe(200);
    expect(r.type).toBe('application/vnd.ksqlapi.delimited.v1');
    const lines = r.text.trimEnd().split('\n');
    expect(JSON.parse(lines[0] ?? '')).toEqual(METADATA);
    expect(lines.slice(1)).toEqual(['["a",1.10,1]', '["b",null,2]']);
    expect(engine.queryOptions.at(-1)?.properties).toEqual({ 'auto.offset.reset': 'earliest' });
  });

  it('answers one JSON array for application/json', async () => {
    const r = await post(protocol, PULL, 'application/json');
    expect(r.type).toBe('application/json');
    expect(JSON.parse(r.text)).toEqual([METADATA, ['a', 1.1, 1], ['b', null, 2]]);
  });

  it('answers the StreamedRow array for application/vnd.ksql.v1+json (the Java client)', async () => {
    const r = await post(protocol, PULL, 'application/vnd.ksql.v1+json');
    expect(JSON.parse(r.text)).toEqual([
      {
        header: {
          queryId: expect.any(String),
          schema: '`ID` STRING KEY, `AMOUNT` DECIMAL(4, 2), `N` BIGINT',
        },
      },
      { row: { columns: ['a', 1.1, 1] } },
      { row: { columns: ['b', null, 2] } },
      { finalMessage: 'Query Completed' },
    ]);
  });

  it('drops tombstones in the delimited format and reports errors inline', async () => {
    const before = engine.queries.length;
    const done = post(protocol, JSON.stringify({ sql: 'SELECT * FROM T EMIT CHANGES;' }));
    await waitFor(() => engine.queries.length > before && engine.lastQuery.sink !== undefined);
    engine.lastQuery.push([{ values: ['k', '1.00', 1n] }, { values: ['k', null, null], tombstone: true }]);
    engine.lastQuery.end({ reason: 'error', error: { code: 50000, message: 'broken' } });
    const lines = (await done).text.trimEnd().split('\n');
    expect(lines.slice(1)).toEqual([
      '["k",1.00,1]',
      '{"@type":"generic_error","error_code":50000,"message":"broken"}',
    ]);
  });

  it('serves PRINT only in the delimited format', async () => {
    const r = await post(protocol, JSON.stringify({ sql: "PRINT 's';" }), 'application/json');
    expect(r.status).toBe(406);
    expect(engine.lastQuery.closed).toBe(true);
  });

  it('answers 40000 for a request without sql', async () => {
    const r = await post(protocol, JSON.stringify({ ksql: 'SELECT 1;' }));
    expect(r.status).toBe(400);
    expect(JSON.parse(r.text)).toMatchObject({ error_code: 40000 });
  });
});

describe('POST /close-query', () => {
  it.each(['http1', 'http2'] as const)('ends a running push query over %s', async (protocol) => {
    const before = engine.queries.length;
    const stream = h2Open(server.url, '/query-stream', {
      method: 'POST',
      body: JSON.stringify({ sql: 'SELECT * FROM S EMIT CHANGES;' }),
    });
    const body = (async () => {
      let text = '';
      for await (const chunk of stream.body) text += chunk;
      return text;
    })();
    await waitFor(() => engine.queries.length > before && engine.lastQuery.sink !== undefined);
    const id = engine.lastQuery.id;
    const close = JSON.stringify({ queryId: id });
    const r =
      protocol === 'http1'
        ? await fetch(`${server.url}/close-query`, { method: 'POST', body: close }).then(async (x) => ({
            status: x.status,
            body: await x.text(),
          }))
        : await h2Request(server.url, '/close-query', { method: 'POST', body: close });
    expect(r.status).toBe(200);
    expect(r.body).toBe('');
    expect(JSON.parse((await body).split('\n')[0] ?? '')).toMatchObject({ queryId: id });
    stream.close();
  });

  it('answers 40000 for an unknown query id', async () => {
    const r = await fetch(`${server.url}/close-query`, { method: 'POST', body: '{"queryId":"nope"}' });
    expect(r.status).toBe(400);
    expect(await r.json()).toEqual({
      '@type': 'generic_error',
      error_code: 40000,
      message: 'No query with id nope',
    });
  });
});
