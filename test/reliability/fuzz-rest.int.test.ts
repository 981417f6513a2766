/**
 * Bad input: every REST route, over HTTP/1.1 and h2c, gets random bytes, invalid UTF-8, huge
 * literals, deep nesting, wrong JSON types and fuzzed SQL (KAPPA_RELIABILITY_FUZZ_REQUESTS per
 * protocol). Every answer is a structured error (or a success), never a 5xx, never a stack trace
 * or a path; the engine stays healthy and its memory bounded. /ws/query gets the same requests.
 */
import { WebSocket } from 'ws';
import { afterAll, expect, inject, it } from 'vitest';
import { uniqueName } from '../../scripts/testing/unique';
import { prng } from '../../server/sql/testing/fuzz-inputs';
import { rssMiB, startEngine, stopAllEngines } from './support/engine-process';
import { findLeak } from './support/leaks';
import { h2cClient, http1Client, type RawClient, type RawResponse } from './support/raw-http';
import { report, rssSeries } from './support/report';
import { ksql } from './support/rest';
import { restFuzzCases, type FuzzCase } from './support/rest-fuzz-cases';
import { randomSql } from './support/fuzz-values';

const REQUESTS = Number(process.env.KAPPA_RELIABILITY_FUZZ_REQUESTS ?? 1500);

afterAll(stopAllEngines);

/** Why an answer is not acceptable, or undefined. */
function problem(c: FuzzCase, res: RawResponse): string | undefined {
  const text = res.body.toString('utf8');
  const leak = findLeak(`${text}\n${JSON.stringify(res.headers)}`);
  if (leak) return `leaks internals: …${leak}…`;
  if (res.status >= 500) return `answered ${res.status}: ${text.slice(0, 300)}`;
  if (res.status < 400) return undefined;
  if (!c.known) return res.status === 404 ? undefined : `unroutable answered ${res.status}`;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return `${res.status} without a JSON error body: ${text.slice(0, 200)}`;
  }
  const e = body as { error_code?: unknown; message?: unknown };
  if (typeof e.error_code !== 'number' || typeof e.message !== 'string')
    return `${res.status} body is not ksqlDB's error: ${text.slice(0, 200)}`;
  if (Math.floor(e.error_code / 100) !== res.status) return `error_code ${e.error_code} under ${res.status}`;
  return undefined;
}

async function fuzz(
  send: RawClient,
  cases: readonly FuzzCase[],
): Promise<{ failures: string[]; statuses: Map<number, number> }> {
  const failures: string[] = [];
  const statuses = new Map<number, number>();
  for (const c of cases) {
    let res: RawResponse;
    try {
      res = await send(c.request);
    } catch (error) {
      // The server may reset a connection it refuses to read (an oversized body): not an answer
      // to judge, but the engine must stay up, which the health checks below verify.
      statuses.set(0, (statuses.get(0) ?? 0) + 1);
      if (process.env.KAPPA_RELIABILITY_DEBUG)
        console.log('NO ANSWER', c.label, c.request.body.length, String(error));
      if (!/ECONNRESET|EPIPE|socket hang up|stream closed/i.test(String(error)))
        failures.push(`${c.label}: ${String(error)}`);
      continue;
    }
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    const why = problem(c, res);
    if (why) failures.push(`${c.label} ${c.request.path.slice(0, 80)}: ${why}`);
  }
  return { failures, statuses };
}

function wsQuery(url: string, request: string): Promise<string> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${url.replace('http', 'ws')}/ws/query?request=${encodeURIComponent(request)}`);
    const frames: string[] = [];
    const timer = setTimeout(() => ws.terminate(), 3000);
    ws.on('message', (data: Buffer) => frames.push(data.toString('utf8')));
    ws.on('unexpected-response', (_req, res) => {
      clearTimeout(timer);
      resolve(`http ${res.statusCode}`);
    });
    ws.on('close', (code, reason) => {
      clearTimeout(timer);
      resolve(`${code} ${reason.toString('utf8')} ${frames.join(' ')}`);
    });
    ws.on('error', () => undefined);
  });
}

it('answers every fuzzed REST request with a structured error and stays healthy', async () => {
  const bootstrap = inject('kafkaBootstrapServers');
  const engine = await startEngine({
    bootstrap,
    serviceId: uniqueName('fuzzrest'),
    env: { KAPPA_MAX_REQUEST_BYTES: String(1024 * 1024), KAPPA_LOG_LEVEL: 'warn' },
  });
  const h2 = h2cClient(engine.url);
  try {
    await engine.waitReady();
    const source = uniqueName('FZ');
    await ksql(
      engine.url,
      `CREATE STREAM ${source} (ID STRING KEY, V INT) WITH (KAFKA_TOPIC='${source.toLowerCase()}', VALUE_FORMAT='JSON', PARTITIONS=1);`,
    );
    await new Promise((r) => setTimeout(r, 1500));
    const before = engine.samples.at(-1);
    const started = Date.now();
    const one = await fuzz(http1Client(engine.url), restFuzzCases(prng(0x10), REQUESTS, source));
    const two = await fuzz(h2.send, restFuzzCases(prng(0x20), REQUESTS, source));
    const rnd = prng(0x30);
    const wsFailures: string[] = [];
    for (let i = 0; i < 40; i++) {
      const answer = await wsQuery(
        engine.url,
        i % 2 === 0
          ? randomSql(rnd, source)
          : JSON.stringify({ ksql: randomSql(rnd, source), streamsProperties: i }),
      );
      const leak = findLeak(answer);
      if (leak || /^1011|http 5/.test(answer)) wsFailures.push(answer.slice(0, 300));
    }
    const fuzzMs = Date.now() - started;

    // Still healthy, still serving, memory back near where it was.
    await new Promise((r) => setTimeout(r, 3000));
    const health = (await (await fetch(`${engine.url}/healthcheck`)).json()) as { isHealthy: boolean };
    const after = engine.samples.at(-1);
    report('REST fuzz (HTTP/1.1 + h2c + /ws/query)', {
      requests: 2 * REQUESTS + 40,
      fuzzMs,
      http1Statuses: Object.fromEntries(one.statuses),
      h2cStatuses: Object.fromEntries(two.statuses),
      rssMiB: { before: before ? rssMiB(before) : null, after: after ? rssMiB(after) : null },
      rssOverTime: rssSeries(engine.samples),
    });
    expect([...one.failures, ...two.failures, ...wsFailures].slice(0, 20)).toEqual([]);
    expect(health.isHealthy).toBe(true);
    expect(await ksql(engine.url, 'SHOW STREAMS;')).toHaveLength(1);
    if (before && after) expect(rssMiB(after) - rssMiB(before)).toBeLessThan(256);
  } finally {
    h2.close();
    await stopAllEngines();
  }
}, 600_000);
