/**
 * Security: with credentials configured (basic auth and API keys), every REST route over HTTP/1.1
 * and h2c, the /ws/query WebSocket and every socket.io event refuse missing and wrong credentials
 * (401 / 40100) and accept the right ones; refusals leak nothing.
 */
import { io } from 'socket.io-client';
import { WebSocket } from 'ws';
import { afterAll, expect, inject, it } from 'vitest';
import { uniqueName } from '../../scripts/testing/unique';
import { startEngine, stopAllEngines } from './support/engine-process';
import { findLeak } from './support/leaks';
import { h2cClient, http1Client, type RawClient } from './support/raw-http';
import { ksql } from './support/rest';
import { routeProbes } from './support/routes';

const USER = 'admin';
const PASSWORD = 'Adm1n-S3cret-pw';
const API_KEY = 'key-Sup3r-Secret-0001';
const basic = (user: string, password: string): string =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

const WRONG: Record<string, Record<string, string>> = {
  none: {},
  'wrong password': { authorization: basic(USER, 'nope') },
  'wrong user': { authorization: basic('root', PASSWORD) },
  'wrong key': { authorization: 'Bearer key-wrong' },
  'wrong x-api-key': { 'x-api-key': 'key-wrong' },
  'unknown scheme': { authorization: `Token ${API_KEY}` },
  malformed: { authorization: 'Basic !!!not-base64' },
  empty: { authorization: '' },
};
const RIGHT: Record<string, Record<string, string>> = {
  basic: { authorization: basic(USER, PASSWORD) },
  bearer: { authorization: `Bearer ${API_KEY}` },
  'x-api-key': { 'x-api-key': API_KEY },
};

afterAll(stopAllEngines);

function wsStatus(url: string, headers: Record<string, string>): Promise<string> {
  return new Promise((resolve) => {
    const request = encodeURIComponent(JSON.stringify({ ksql: 'SHOW STREAMS;' }));
    const ws = new WebSocket(`${url.replace('http', 'ws')}/ws/query?request=${request}`, { headers });
    ws.on('unexpected-response', (_req, res) => resolve(`http ${res.statusCode}`));
    ws.on('open', () => {
      resolve('open');
      ws.terminate();
    });
    ws.on('error', () => resolve('error'));
  });
}

/** socket.io: 'connected' or the connect_error message. */
function socketOutcome(
  url: string,
  options: { headers?: Record<string, string>; token?: string },
): Promise<string> {
  return new Promise((resolve) => {
    const socket = io(url, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      ...(options.headers ? { extraHeaders: options.headers } : {}),
      ...(options.token !== undefined ? { auth: { token: options.token } } : {}),
    });
    socket.on('connect', () => {
      resolve('connected');
      socket.disconnect();
    });
    socket.on('connect_error', (error: Error & { data?: { code?: number } }) => {
      resolve(`${error.message} ${error.data?.code ?? ''}`.trim());
      socket.disconnect();
    });
  });
}

/**
 * A raw socket.io connection without credentials: it asks to connect, gets the connect error,
 * then tries every event anyway. Any answer but the connect error is a breach.
 */
function unauthenticatedEvents(url: string, events: readonly string[]): Promise<string[]> {
  return new Promise((resolve) => {
    const got: string[] = [];
    const ws = new WebSocket(`${url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`);
    const finish = (): void => {
      ws.terminate();
      resolve(got);
    };
    const timer = setTimeout(finish, 15_000);
    ws.on('message', (data: Buffer) => {
      const text = data.toString('utf8');
      got.push(text);
      if (text.startsWith('0')) ws.send('40');
      if (text.startsWith('44')) {
        events.forEach((e, i) =>
          ws.send(`42${i}${JSON.stringify([e, { runId: 'r', sql: 'SHOW STREAMS;' }])}`),
        );
        clearTimeout(timer);
        setTimeout(finish, 1000);
      }
    });
    ws.on('close', () => {
      clearTimeout(timer);
      resolve(got);
    });
    ws.on('error', () => undefined);
  });
}

it('refuses missing and wrong credentials on every route, the WebSocket and socket.io', async () => {
  const bootstrap = inject('kafkaBootstrapServers');
  const engine = await startEngine({
    bootstrap,
    serviceId: uniqueName('auth'),
    env: { KAPPA_AUTH_BASIC: `${USER}:${PASSWORD}`, KAPPA_API_KEYS: API_KEY },
  });
  const h2 = h2cClient(engine.url);
  try {
    await engine.waitReady();
    const source = uniqueName('AU');
    await ksql(
      engine.url,
      `CREATE STREAM ${source} (ID STRING KEY, V INT) WITH (KAFKA_TOPIC='${source.toLowerCase()}', VALUE_FORMAT='JSON', PARTITIONS=1);`,
      {},
      RIGHT.basic,
    );
    const failures: string[] = [];
    const clients: [string, RawClient][] = [
      ['HTTP/1.1', http1Client(engine.url)],
      ['h2c', h2.send],
    ];
    for (const [protocol, send] of clients) {
      for (const route of routeProbes(source)) {
        const call = (headers: Record<string, string>) =>
          send({
            method: route.method,
            path: route.path,
            headers: { 'content-type': 'application/json', ...headers },
            body: Buffer.from(route.body === undefined ? '' : JSON.stringify(route.body)),
          });
        for (const [name, headers] of Object.entries(WRONG)) {
          const res = await call(headers);
          const text = res.body.toString('utf8');
          const where = `${protocol} ${route.method} ${route.path} with ${name}`;
          if (route.public) {
            if (res.status !== 200) failures.push(`${where}: public route answered ${res.status}`);
            continue;
          }
          if (res.status !== 401 || !text.includes('40100'))
            failures.push(`${where}: ${res.status} ${text.slice(0, 100)}`);
          if (!String(res.headers['www-authenticate'] ?? '').startsWith('Basic'))
            failures.push(`${where}: no WWW-Authenticate`);
          const leak = findLeak(text, [PASSWORD, API_KEY]);
          if (leak) failures.push(`${where}: leaks ${leak}`);
        }
        for (const [name, headers] of Object.entries(RIGHT)) {
          const res = await call(headers);
          if (res.status === 401 || res.status === 403)
            failures.push(`${protocol} ${route.path} with ${name}: ${res.status}`);
        }
      }
    }
    for (const [name, headers] of Object.entries(WRONG)) {
      const status = await wsStatus(engine.url, headers);
      if (status !== 'http 401') failures.push(`/ws/query with ${name}: ${status}`);
    }
    expect(await wsStatus(engine.url, RIGHT.basic!)).toBe('open');

    // socket.io: the handshake is refused, so no event ever reaches a handler.
    expect(await socketOutcome(engine.url, {})).toBe('Unauthorized 40100');
    expect(await socketOutcome(engine.url, { token: 'key-wrong' })).toBe('Unauthorized 40100');
    expect(await socketOutcome(engine.url, { headers: { authorization: basic(USER, 'nope') } })).toBe(
      'Unauthorized 40100',
    );
    expect(await socketOutcome(engine.url, { token: API_KEY })).toBe('connected');
    expect(await socketOutcome(engine.url, { headers: RIGHT.basic! })).toBe('connected');
    const events = [
      'query:run',
      'catalog:get',
      'topics:list',
      'statement:execute',
      'saved:list',
      'history:list',
      'topic:tail',
    ];
    const answers = await unauthenticatedEvents(engine.url, events);
    expect(answers.filter((a) => !a.startsWith('0') && !a.startsWith('44'))).toEqual([]);
    expect(answers.join(' | ')).toMatch(/(^| )44.*40100/);
    expect(failures).toEqual([]);
  } finally {
    h2.close();
    await stopAllEngines();
  }
}, 180_000);
