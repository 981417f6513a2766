/**
 * Bad input: the engine's limits hold against a real engine process. Requests over
 * KAPPA_MAX_REQUEST_BYTES get 413 / 41300 (HTTP/1.1 and h2c, whole bodies and /inserts-stream
 * lines), a push-query flood gets 40003 beyond KAPPA_MAX_PUSH_QUERIES (REST and the workbench
 * socket alike), and a pull-query flood gets 429 / 42900 beyond KAPPA_PULL_QPS; the engine serves
 * normally again right after.
 */
import { afterAll, expect, inject, it } from 'vitest';
import { uniqueName } from '../../scripts/testing/unique';
import { startEngine, stopAllEngines } from './support/engine-process';
import { h2cClient, http1Client } from './support/raw-http';
import { report } from './support/report';
import { ksql, post, pushQuery, until, type PushStream } from './support/rest';
import { connected, connectViewer } from './support/viewer';

const MAX_BYTES = 64 * 1024;
const MAX_PUSH = 5;
const PULL_QPS = 5;

afterAll(stopAllEngines);

it('answers oversized requests 413, push floods 40003 and pull floods 429, then serves normally', async () => {
  const bootstrap = inject('kafkaBootstrapServers');
  const engine = await startEngine({
    bootstrap,
    serviceId: uniqueName('limits'),
    env: {
      KAPPA_MAX_REQUEST_BYTES: String(MAX_BYTES),
      KAPPA_MAX_PUSH_QUERIES: String(MAX_PUSH),
      KAPPA_PULL_QPS: String(PULL_QPS),
    },
  });
  const h2 = h2cClient(engine.url);
  const pushes: PushStream[] = [];
  const viewer = connectViewer(engine.url);
  try {
    await engine.waitReady();
    const s = uniqueName('LM');
    await ksql(
      engine.url,
      `CREATE STREAM ${s} (ID STRING KEY, V INT) WITH (KAFKA_TOPIC='${s.toLowerCase()}', VALUE_FORMAT='JSON', PARTITIONS=1);`,
    );

    // 413: a body over the limit, declared or streamed, on both protocols; an /inserts-stream line.
    const big = Buffer.from(JSON.stringify({ ksql: `SELECT '${'x'.repeat(MAX_BYTES)}' FROM ${s};` }));
    for (const send of [http1Client(engine.url), h2.send]) {
      const res = await send({
        method: 'POST',
        path: '/ksql',
        headers: { 'content-type': 'application/json' },
        body: big,
      });
      expect(res.status).toBe(413);
      expect(JSON.parse(res.body.toString('utf8'))).toMatchObject({ error_code: 41300 });
    }
    const inserts = await h2.send({
      method: 'POST',
      path: '/inserts-stream',
      headers: { 'content-type': 'application/json' },
      body: Buffer.from(
        `${JSON.stringify({ target: s })}\n${JSON.stringify({ ID: 'a', V: 'y'.repeat(MAX_BYTES) })}\n`,
      ),
    });
    expect(inserts.body.toString('utf8')).toContain('41300');

    // 40003: one more push query than allowed, over REST and over the workbench socket.
    for (let i = 0; i < MAX_PUSH; i++) pushes.push(pushQuery(engine.url, `SELECT * FROM ${s} EMIT CHANGES;`));
    expect(await Promise.all(pushes.map((p) => p.status))).toEqual(Array(MAX_PUSH).fill(200));
    const refused = await post(engine.url, '/query-stream', { sql: `SELECT * FROM ${s} EMIT CHANGES;` });
    expect(refused.status).toBe(400);
    expect(refused.json).toMatchObject({ error_code: 40003 });
    await connected(viewer);
    viewer.run('over', `SELECT * FROM ${s} EMIT CHANGES;`);
    await until(() => viewer.errors.length > 0, 10_000, 'query:error');
    expect(viewer.errors[0]).toMatchObject({ runId: 'over', code: 40003 });
    pushes.shift()?.close();
    await until(
      async () => {
        const again = pushQuery(engine.url, `SELECT * FROM ${s} EMIT CHANGES;`);
        pushes.push(again);
        return (await again.status) === 200;
      },
      10_000,
      'a push query slot after one closed',
    );

    // 429: a burst of pull queries beyond the rate.
    const burst = await Promise.all(
      Array.from({ length: 4 * PULL_QPS }, () =>
        post(engine.url, '/query-stream', { sql: `SELECT * FROM ${s};` }),
      ),
    );
    const statuses = burst.map((b) => b.status);
    expect(statuses.filter((x) => x === 429).length).toBeGreaterThan(0);
    expect(burst.find((b) => b.status === 429)?.json).toMatchObject({ error_code: 42900 });
    expect(statuses.every((x) => x === 200 || x === 429)).toBe(true);
    await new Promise((r) => setTimeout(r, 1500));
    expect((await post(engine.url, '/query-stream', { sql: `SELECT * FROM ${s};` })).status).toBe(200);
    const health = (await (await fetch(`${engine.url}/healthcheck`)).json()) as { isHealthy: boolean };
    expect(health.isHealthy).toBe(true);
    report('limits', {
      maxRequestBytes: MAX_BYTES,
      maxPushQueries: MAX_PUSH,
      pullQps: PULL_QPS,
      pullBurst: {
        sent: burst.length,
        ok: statuses.filter((x) => x === 200).length,
        refused429: statuses.filter((x) => x === 429).length,
      },
    });
  } finally {
    viewer.close();
    for (const p of pushes) p.close();
    h2.close();
    await stopAllEngines();
  }
}, 120_000);
