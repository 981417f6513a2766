/**
 * Security: browser origins are an allow-list (KAPPA_CORS_ORIGINS). An allowed origin gets CORS
 * headers; any other gets none, its preflights are refused, and — because browsers send "simple"
 * cross-site POSTs and WebSocket handshakes without asking — its requests are refused outright:
 * a web page the engine's user happens to visit cannot run statements on the engine (CSRF), nor
 * open the workbench socket or /ws/query (cross-site WebSocket hijacking), even with no
 * credentials configured (the default on a developer's machine).
 */
import { io } from 'socket.io-client';
import { WebSocket } from 'ws';
import { afterAll, expect, inject, it } from 'vitest';
import { uniqueName } from '../../scripts/testing/unique';
import { startEngine, stopAllEngines } from './support/engine-process';
import { h2cClient, http1Client } from './support/raw-http';
import { ksql } from './support/rest';

const ALLOWED = 'http://allowed.example:3000';
const EVIL = 'http://evil.example';

afterAll(stopAllEngines);

function socketOutcome(url: string, origin: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = io(url, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      extraHeaders: { origin },
    });
    socket.on('connect', () => {
      resolve('connected');
      socket.disconnect();
    });
    socket.on('connect_error', (error: Error) => {
      resolve(`refused: ${error.message}`);
      socket.disconnect();
    });
  });
}

function wsQuery(url: string, origin: string): Promise<string> {
  return new Promise((resolve) => {
    const request = encodeURIComponent(JSON.stringify({ ksql: 'SHOW STREAMS;' }));
    const ws = new WebSocket(`${url.replace('http', 'ws')}/ws/query?request=${request}`, { origin });
    ws.on('unexpected-response', (_req, res) => resolve(`http ${res.statusCode}`));
    ws.on('open', () => {
      resolve('open');
      ws.terminate();
    });
    ws.on('error', () => resolve('error'));
  });
}

it('serves allowed browser origins only: CORS headers, preflights, simple POSTs and WebSockets', async () => {
  const bootstrap = inject('kafkaBootstrapServers');
  const engine = await startEngine({
    bootstrap,
    serviceId: uniqueName('origin'),
    env: { KAPPA_CORS_ORIGINS: ALLOWED },
  });
  const h2 = h2cClient(engine.url);
  try {
    await engine.waitReady();
    for (const send of [http1Client(engine.url), h2.send]) {
      const preflight = (origin: string) =>
        send({
          method: 'OPTIONS',
          path: '/ksql',
          headers: { origin, 'access-control-request-method': 'POST' },
          body: Buffer.alloc(0),
        });
      const allowed = await preflight(ALLOWED);
      expect(allowed.status).toBe(204);
      expect(allowed.headers['access-control-allow-origin']).toBe(ALLOWED);
      const evil = await preflight(EVIL);
      expect(evil.status).toBe(403);
      expect(evil.headers['access-control-allow-origin']).toBeUndefined();

      const get = (origin: string) =>
        send({ method: 'GET', path: '/info', headers: { origin }, body: Buffer.alloc(0) });
      expect((await get(ALLOWED)).headers['access-control-allow-origin']).toBe(ALLOWED);
      const evilGet = await get(EVIL);
      expect(evilGet.headers['access-control-allow-origin']).toBeUndefined();
      expect(evilGet.status).toBe(403);
    }

    // A "simple" cross-site POST (text/plain, no preflight), as a hostile page's form would send.
    const stream = uniqueName('CSRF');
    const statement = `CREATE STREAM ${stream} (ID STRING KEY) WITH (KAFKA_TOPIC='${stream.toLowerCase()}', VALUE_FORMAT='JSON', PARTITIONS=1);`;
    const csrf = await http1Client(engine.url)({
      method: 'POST',
      path: '/ksql',
      headers: { origin: EVIL, 'content-type': 'text/plain' },
      body: Buffer.from(JSON.stringify({ ksql: statement })),
    });
    expect(csrf.status).toBe(403);
    expect(JSON.parse(csrf.body.toString('utf8'))).toMatchObject({ error_code: 40300 });
    expect(JSON.stringify(await ksql(engine.url, 'SHOW STREAMS;'))).not.toContain(stream);
    // Clients that are not browsers send no Origin and are not affected.
    await ksql(engine.url, statement);

    expect(await socketOutcome(engine.url, ALLOWED)).toBe('connected');
    expect(await socketOutcome(engine.url, EVIL)).toMatch(/^refused/);
    expect(await wsQuery(engine.url, ALLOWED)).toBe('open');
    expect(await wsQuery(engine.url, EVIL)).toBe('http 403');
  } finally {
    h2.close();
    await stopAllEngines();
  }
}, 120_000);
