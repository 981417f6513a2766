/**
 * Bad input on the workbench protocol: every client event of lib/contracts/socket.ts gets payloads
 * of the wrong type (nothing, null, numbers, arrays, huge and deep values, binary, fuzzed SQL),
 * with and without an ack function, plus malformed socket.io packets on a raw WebSocket. Every
 * ack arrives and is a structured error (or a success), nothing leaks internals, the engine stays
 * healthy and its memory bounded.
 */
import { io, type Socket } from 'socket.io-client';
import { WebSocket } from 'ws';
import { afterAll, expect, inject, it } from 'vitest';
import { uniqueName } from '../../scripts/testing/unique';
import { prng } from '../../server/sql/testing/fuzz-inputs';
import { rssMiB, startEngine, stopAllEngines } from './support/engine-process';
import { mutateObject, pick, randomSql, wrongValue, type Rnd } from './support/fuzz-values';
import { findLeak } from './support/leaks';
import { report, rssSeries } from './support/report';
import { ksql } from './support/rest';

const ROUNDS = Number(process.env.KAPPA_RELIABILITY_SOCKET_FUZZ_ROUNDS ?? 25);

/** Events answered through an ack, with a well-formed payload to start from ({} for none). */
const ACK_EVENTS: Record<string, Record<string, unknown> | null> = {
  'query:attach': { runId: 'r1' },
  'catalog:get': null,
  'topics:list': null,
  'editor:diagnose': { text: 'SELECT * FROM S;' },
  'editor:complete': { text: 'SELECT * FR', offset: 11 },
  'editor:format': { text: 'select 1 from s' },
  'statement:execute': { sql: 'SHOW STREAMS;', properties: {} },
  'saved:list': { search: '' },
  'saved:save': { name: 'n', sql: 'SELECT 1;' },
  'saved:rename': { id: 'x', name: 'n' },
  'saved:delete': { id: 'x' },
  'history:list': { limit: 10 },
};
const FIRE_EVENTS: Record<string, Record<string, unknown>> = {
  'query:run': { runId: 'r1', sql: 'SELECT * FROM S EMIT CHANGES;', properties: {}, variables: {} },
  'query:cancel': { runId: 'r1' },
  'query:pause': { runId: 'r1' },
  'query:resume': { runId: 'r1' },
  'query:detach': { runId: 'r1' },
  'topic:tail': { runId: 'r1', topic: 't', from: { kind: 'now' } },
};

afterAll(stopAllEngines);

function payload(rnd: Rnd, base: Record<string, unknown> | null, source: string): unknown {
  const r = rnd();
  if (r < 0.1) return undefined;
  if (r < 0.2) return Buffer.from([0xff, 0x00, 0xfe]);
  if (r < 0.45 || base === null) return wrongValue(rnd);
  const withSql = Object.fromEntries(
    Object.entries(base).map(([k, v]) => [k, ['sql', 'text'].includes(k) ? randomSql(rnd, source) : v]),
  );
  return mutateObject(rnd, withSql);
}

function isAck(value: unknown): value is { ok: boolean; code?: number; message?: string } {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

/** Malformed Engine.IO/socket.io frames on a raw WebSocket; resolves when the server closed it or 2 s passed. */
function rawFrames(url: string, frames: readonly (string | Buffer)[]): Promise<void> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`);
    const timer = setTimeout(() => ws.terminate(), 2000);
    ws.on('open', () => {
      ws.send('40');
      for (const f of frames) ws.send(f);
    });
    ws.on('close', () => {
      clearTimeout(timer);
      resolve();
    });
    ws.on('error', () => undefined);
  });
}

it('answers every fuzzed socket.io event with a structured ack and stays healthy', async () => {
  const bootstrap = inject('kafkaBootstrapServers');
  const engine = await startEngine({
    bootstrap,
    serviceId: uniqueName('fuzzio'),
    env: { KAPPA_LOG_LEVEL: 'warn' },
  });
  const sockets: Socket[] = [];
  try {
    await engine.waitReady();
    const source = uniqueName('FS');
    await ksql(
      engine.url,
      `CREATE STREAM ${source} (ID STRING KEY, V INT) WITH (KAFKA_TOPIC='${source.toLowerCase()}', VALUE_FORMAT='JSON', PARTITIONS=1);`,
    );
    const socket = io(engine.url, { transports: ['websocket'], forceNew: true, reconnectionDelay: 100 });
    sockets.push(socket);
    const received: string[] = [];
    socket.onAny((event: string, ...args: unknown[]) =>
      received.push(`${event} ${JSON.stringify(args).slice(0, 2000)}`),
    );
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const before = engine.samples.at(-1);
    const failures: string[] = [];
    const rnd = prng(0x50c);
    let acks = 0;
    const started = Date.now();
    for (let round = 0; round < ROUNDS; round++) {
      for (const [event, base] of Object.entries(ACK_EVENTS)) {
        const args = base === null && rnd() < 0.5 ? [] : [payload(rnd, base, source)];
        try {
          const answer: unknown = await socket.timeout(10_000).emitWithAck(event, ...args);
          acks++;
          if (!isAck(answer)) failures.push(`${event}: not an Ack: ${JSON.stringify(answer).slice(0, 200)}`);
          else if (!answer.ok && (typeof answer.code !== 'number' || typeof answer.message !== 'string'))
            failures.push(`${event}: unstructured error ${JSON.stringify(answer).slice(0, 200)}`);
          else if (!answer.ok && answer.code! >= 50000)
            failures.push(`${event}: ${answer.code} ${answer.message}`);
        } catch (error) {
          failures.push(`${event}: no ack (${String(error)})`);
        }
        socket.emit(event, payload(rnd, base, source)); // no ack function: must not break anything
      }
      for (const [event, base] of Object.entries(FIRE_EVENTS)) {
        socket.emit(event, payload(rnd, base, source));
        socket.emit(event, payload(rnd, base, source), 'extra', 42);
      }
      socket.emit(pick(rnd, ['unknown:event', '__proto__', 'constructor', '']), { x: 1 });
    }
    // Malformed protocol frames: broken JSON, wrong shapes, an unknown packet type, binary junk.
    await rawFrames(engine.url, [
      '42["query:run"',
      '42[123]',
      '42{"a":1}',
      '4999',
      '9',
      Buffer.from([0xde, 0xad]),
    ]);
    await rawFrames(engine.url, [`42${'['.repeat(100_000)}`]);
    // Over socket.io's message limit (2 MiB): the server drops that connection, nothing else.
    const big = io(engine.url, { transports: ['websocket'], forceNew: true, reconnection: false });
    sockets.push(big);
    await new Promise<void>((resolve) => big.once('connect', () => resolve()));
    big.emit('editor:format', { text: 'x'.repeat(3 * 1024 * 1024) }, () => undefined);
    await new Promise((r) => setTimeout(r, 3000));
    const fuzzMs = Date.now() - started;

    for (const line of received) {
      const leak = findLeak(line);
      if (leak) failures.push(`leak in ${line.slice(0, 80)}: …${leak}…`);
      if (line.startsWith('query:error') && /"code":5\d{4}/.test(line)) failures.push(line.slice(0, 300));
    }
    const health = (await (await fetch(`${engine.url}/healthcheck`)).json()) as { isHealthy: boolean };
    const after = engine.samples.at(-1);
    report('socket.io fuzz', {
      rounds: ROUNDS,
      acks,
      eventsReceived: received.length,
      fuzzMs,
      rssMiB: { before: before ? rssMiB(before) : null, after: after ? rssMiB(after) : null },
      rssOverTime: rssSeries(engine.samples),
    });
    expect(failures.slice(0, 20)).toEqual([]);
    expect(socket.connected).toBe(true);
    expect(health.isHealthy).toBe(true);
    if (before && after) expect(rssMiB(after) - rssMiB(before)).toBeLessThan(256);
  } finally {
    for (const s of sockets) s.disconnect();
    await stopAllEngines();
  }
}, 600_000);
