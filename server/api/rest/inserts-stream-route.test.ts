import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeEngine } from './test-support/fake-engine';
import { h2Open } from './test-support/h2-client';
import { startRestServer, type RestServer } from './test-support/harness';

const engine = new FakeEngine();
let server: RestServer;
beforeAll(async () => {
  server = await startRestServer(engine);
});
afterAll(async () => server.close());

/** Streams `lines` one by one as a chunked HTTP/1.1 request body and returns the response text. */
function http1Insert(lines: string[], accept?: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${server.url}/inserts-stream`, {
      method: 'POST',
      headers: accept ? { accept } : {},
    });
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      res.on('error', reject);
    });
    req.on('error', () => undefined); // the server may close before the body ends
    for (const line of lines) req.write(`${line}\n`);
    req.end();
  });
}

async function http2Insert(lines: string[], accept?: string): Promise<{ status: number; text: string }> {
  const s = h2Open(server.url, '/inserts-stream', {
    method: 'POST',
    keepOpen: true,
    headers: accept ? { accept } : {},
  });
  for (const line of lines) s.write(`${line}\n`);
  s.endRequest();
  let text = '';
  for await (const chunk of s.body) text += chunk;
  const status = await s.status;
  s.close();
  return { status, text };
}

const insert = { http1: http1Insert, http2: http2Insert };

describe.each(['http1', 'http2'] as const)('POST /inserts-stream over %s', (protocol) => {
  it('writes each row and acks it by sequence number', async () => {
    const before = engine.inserted.length;
    const r = await insert[protocol]([
      '{"target":"s","properties":{}}',
      '{"ID":"a","N":1}',
      '{"ID":"b","FAIL":true}',
      '{"ID":"c","N":3}',
    ]);
    expect(r.status).toBe(200);
    const acks = r.text
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { seq: number });
    expect(acks.sort((a, b) => a.seq - b.seq)).toEqual([
      { status: 'ok', seq: 0 },
      { status: 'error', seq: 1, error_code: 40000, message: 'Bad row' },
      { status: 'ok', seq: 2 },
    ]);
    expect(engine.inserted.slice(before).map((i) => i.target)).toEqual(['S', 'S']);
  });

  it('acks as one JSON array for Accept: application/json', async () => {
    const r = await insert[protocol](['{"target":"S"}', '{"ID":"a"}', '{"ID":"b"}'], 'application/json');
    expect(JSON.parse(r.text)).toEqual([
      { status: 'ok', seq: 0 },
      { status: 'ok', seq: 1 },
    ]);
  });

  it('answers a bad JSON row with a 40000 ack and ends the stream', async () => {
    const before = engine.inserted.length;
    const r = await insert[protocol](['{"target":"S"}', '{"ID":"a"}', '{not json', '{"ID":"c"}']);
    expect(
      r.text
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as unknown),
    ).toEqual([
      { status: 'ok', seq: 0 },
      { status: 'error', seq: 1, error_code: 40000, message: 'Invalid JSON in inserts stream' },
    ]);
    expect(engine.inserted.length - before).toBe(1);
  });

  it('answers a row just over the size limit with a 41300 ack and ends the stream', async () => {
    const before = engine.inserted.length;
    // 64 KiB is the harness's limit; this line is a few bytes over it, small enough to arrive whole.
    const r = await insert[protocol]([
      '{"target":"S"}',
      '{"ID":"a"}',
      `{"ID":"${'x'.repeat(64 * 1024)}"}`,
      '{"ID":"c"}',
    ]);
    expect(
      r.text
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as unknown),
    ).toEqual([
      { status: 'ok', seq: 0 },
      { status: 'error', seq: 1, error_code: 41300, message: 'Row too large' },
    ]);
    expect(engine.inserted.length - before).toBe(1);
  });

  it('refuses unknown and windowed targets before any row', async () => {
    for (const target of ['NOPE', 'W']) {
      const r = await insert[protocol]([JSON.stringify({ target }), '{"ID":"a"}']);
      expect(r.status).toBe(400);
      expect(JSON.parse(r.text)).toMatchObject({ '@type': 'generic_error', error_code: 40000 });
    }
  });
});
