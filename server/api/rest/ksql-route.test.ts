import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeEngine } from './test-support/fake-engine';
import { h2Request } from './test-support/h2-client';
import { startRestServer, type RestServer } from './test-support/harness';

const engine = new FakeEngine();
let server: RestServer;
beforeAll(async () => {
  server = await startRestServer(engine);
});
afterAll(async () => server.close());

type Protocol = 'http1' | 'http2';
async function post(protocol: Protocol, path: string, body: string, headers: Record<string, string> = {}) {
  if (protocol === 'http2') {
    const r = await h2Request(server.url, path, { method: 'POST', body, headers });
    return { status: r.status, contentType: String(r.headers['content-type']), text: r.body };
  }
  const r = await fetch(server.url + path, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
  });
  return { status: r.status, contentType: r.headers.get('content-type') ?? '', text: await r.text() };
}

describe.each(['http1', 'http2'] as const)('POST /ksql over %s', (protocol) => {
  it('runs statements and answers with one entity per statement', async () => {
    const r = await post(
      protocol,
      '/ksql',
      JSON.stringify({
        ksql: "CREATE STREAM A (X INT) WITH (kafka_topic='a'); SHOW STREAMS;",
        streamsProperties: { 'ksql.streams.auto.offset.reset': 'earliest', 'commit.interval.ms': 100 },
        sessionVariables: { fmt: 'JSON' },
        commandSequenceNumber: 7,
      }),
    );
    expect(r.status).toBe(200);
    const entities = JSON.parse(r.text) as { '@type': string }[];
    expect(entities.map((e) => e['@type'])).toEqual(['currentStatus', 'streams']);
    expect(engine.executed.at(-1)?.options).toMatchObject({
      properties: { 'ksql.streams.auto.offset.reset': 'earliest', 'commit.interval.ms': '100' },
      variables: { fmt: 'JSON' },
      commandSequenceNumber: 7,
    });
  });

  it('answers with the versioned media type when asked for it', async () => {
    const r = await post(protocol, '/ksql', JSON.stringify({ ksql: 'SHOW STREAMS;' }), {
      accept: 'application/vnd.ksql.v1+json',
    });
    expect(r.contentType).toBe('application/vnd.ksql.v1+json');
  });

  it('refuses a SELECT with 40002 pointing to /query', async () => {
    const r = await post(protocol, '/ksql', JSON.stringify({ ksql: 'SELECT * FROM S;' }));
    expect(r.status).toBe(400);
    expect(JSON.parse(r.text)).toMatchObject({
      '@type': 'statement_error',
      error_code: 40002,
      statementText: 'SELECT * FROM S',
      entities: [],
    });
    expect(r.text).toContain('/query');
  });

  it('reports a syntax error as 40001 with its span', async () => {
    const r = await post(protocol, '/ksql', JSON.stringify({ ksql: 'SHOW STREAMS; BAD;' }));
    expect(r.status).toBe(400);
    const body = JSON.parse(r.text) as Record<string, unknown>;
    expect(body).toMatchObject({ '@type': 'statement_error', error_code: 40001, statementText: 'BAD' });
    expect(body.diagnostics).toEqual([
      expect.objectContaining({ span: expect.objectContaining({ start: 14 }) }),
    ]);
  });

  it('carries the entities of the statements that ran before a failure', async () => {
    const r = await post(protocol, '/ksql', JSON.stringify({ ksql: 'CREATE STREAM A; FAIL;' }));
    expect(r.status).toBe(400);
    const body = JSON.parse(r.text) as { entities: { '@type': string }[] };
    expect(body.entities.map((e) => e['@type'])).toEqual(['currentStatus']);
  });

  it('answers 40000 for bad JSON, a missing ksql field and an unknown property', async () => {
    for (const body of [
      '{',
      '{}',
      JSON.stringify({ ksql: 'SHOW STREAMS;', streamsProperties: { bogus: 1 } }),
    ]) {
      const r = await post(protocol, '/ksql', body);
      expect(r.status, body).toBe(400);
      expect(JSON.parse(r.text), body).toMatchObject({ '@type': 'generic_error', error_code: 40000 });
      expect(r.text).not.toMatch(/at .*\.ts|node_modules|\/work\//);
    }
  });

  it('refuses a body over the size limit with 413', async () => {
    const r = await post(protocol, '/ksql', JSON.stringify({ ksql: 'x'.repeat(70 * 1024) }));
    expect(r.status).toBe(413);
    expect(JSON.parse(r.text)).toMatchObject({ '@type': 'generic_error', error_code: 41300 });
  });

  it('answers an unknown route with a plain 404', async () => {
    const r = await post(protocol, '/nope', '{}');
    expect(r.status).toBe(404);
    expect(r.text).toBe('Not Found');
  });
});

describe('a server that is not ready', () => {
  it('answers 503 / 50302 except on the probes', async () => {
    const starting = await startRestServer(new FakeEngine(), {}, { isReady: () => false });
    try {
      const r = await fetch(`${starting.url}/ksql`, { method: 'POST', body: '{"ksql":""}' });
      expect(r.status).toBe(503);
      expect(await r.json()).toMatchObject({ error_code: 50302 });
      expect((await fetch(`${starting.url}/chc/live`)).status).toBe(200);
    } finally {
      await starting.close();
    }
  });
});
