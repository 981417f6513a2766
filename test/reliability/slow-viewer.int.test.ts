/**
 * Load: a slow viewer (a browser whose socket stops reading: its TCP connection is paused) shares
 * a push query with two fast viewers, while a fourth viewer runs a query of its own. The fast
 * viewers get every row with low latency, the engine's event loop stays responsive and its memory
 * bounded, and once the slow viewer reads again every row it missed is counted as dropped.
 */
import type net from 'node:net';
import { afterAll, expect, inject, it } from 'vitest';
import { uniqueName } from '../../scripts/testing/unique';
import { rssMiB, startEngine, stopAllEngines } from './support/engine-process';
import { startFeeder, type Feeder } from './support/feeder';
import { connectedProducer, testKafka } from './support/kafka-io';
import { percentile, report, rssSeries } from './support/report';
import { ksql, until } from './support/rest';
import { connected, connectViewer, type Viewer } from './support/viewer';

const RATE_PER_S = Number(process.env.KAPPA_RELIABILITY_SLOW_RATE ?? 1500);
const STALL_MS = Number(process.env.KAPPA_RELIABILITY_SLOW_MS ?? 25_000);

afterAll(stopAllEngines);

/** The TCP socket under a socket.io-client WebSocket transport (Node's `ws` keeps it in `_socket`). */
function tcpSocketOf(viewer: Viewer): net.Socket {
  const engine = viewer.socket.io.engine as unknown as { transport?: { ws?: { _socket?: net.Socket } } };
  const socket = engine.transport?.ws?._socket;
  if (!socket) throw new Error('no TCP socket under the viewer');
  return socket;
}

const rowsOf = (v: Viewer, runId: string): number => v.rows.get(runId)?.length ?? 0;

it('keeps fast viewers fast and the engine responsive while one viewer stops reading', async () => {
  const bootstrap = inject('kafkaBootstrapServers');
  const engine = await startEngine({
    bootstrap,
    serviceId: uniqueName('slow'),
    env: { KAPPA_LOG_LEVEL: 'warn' },
  });
  const kafka = testKafka(bootstrap);
  const producer = await connectedProducer(kafka);
  const viewers: Viewer[] = [];
  let feeder: Feeder | undefined;
  try {
    await engine.waitReady();
    const s = uniqueName('SV');
    const topic = s.toLowerCase();
    await ksql(
      engine.url,
      `CREATE STREAM ${s} (ID STRING KEY, V INT, NOTE STRING) WITH (KAFKA_TOPIC='${topic}', VALUE_FORMAT='JSON', PARTITIONS=1);`,
    );
    const [a, b, c, d] = [0, 1, 2, 3].map(() => connectViewer(engine.url, { countOnly: true })) as [
      Viewer,
      Viewer,
      Viewer,
      Viewer,
    ];
    viewers.push(a, b, c, d);
    await Promise.all(viewers.map((v) => connected(v)));
    const sql = `SELECT * FROM ${s} EMIT CHANGES;`;
    a.run('shared', sql);
    d.run('solo', sql);
    await until(async () => (await b.attach('shared')).ok, 10_000, 'attach b');
    expect((await c.attach('shared')).ok).toBe(true);
    // Warm-up: every viewer sees a row, so every consumer is assigned before the measured feed.
    await producer.send({
      topic,
      messages: [{ key: 'w', value: JSON.stringify({ V: -1, NOTE: 'warm-up' }) }],
    });
    await until(
      () => [a, b, c].every((v) => rowsOf(v, 'shared') >= 1) && rowsOf(d, 'solo') >= 1,
      30_000,
      'the warm-up row everywhere',
    );

    const stalled = tcpSocketOf(c);
    stalled.pause(); // nothing arrives, so nothing is acknowledged either
    engine.markPhase();
    const rssBefore = engine.samples.at(-1);
    const perTick = Math.max(1, Math.round(RATE_PER_S / 20));
    const running = startFeeder(producer, {
      topic,
      partitions: 1,
      perTick,
      tickMs: 50,
      key: (i) => `k${i % 100}`,
      value: (i) => ({ V: i, NOTE: 'n'.repeat(40) }),
    });
    feeder = running;
    await new Promise((r) => setTimeout(r, STALL_MS));
    await running.stop();
    const total = running.sent() + 1;
    const fastDone = await until(
      () => rowsOf(a, 'shared') === total && rowsOf(b, 'shared') === total && rowsOf(d, 'solo') === total,
      60_000,
      'every row at the fast viewers',
      () => `(${total}: a ${rowsOf(a, 'shared')}, b ${rowsOf(b, 'shared')}, d ${rowsOf(d, 'solo')})`,
    );
    const during = engine.samples.at(-1);
    const latencies = [...a.latencies, ...b.latencies, ...d.latencies];

    // The slow viewer reads again: what it got plus what it lost is everything, and it was told.
    stalled.resume();
    await until(
      () => {
        const status = c.statuses.get('shared');
        return status !== undefined && rowsOf(c, 'shared') + status.droppedForViewer === total;
      },
      60_000,
      'the slow viewer accounted for',
      () => `(${total}: got ${rowsOf(c, 'shared')}, status ${JSON.stringify(c.statuses.get('shared'))})`,
    );
    const dropped = c.statuses.get('shared')?.droppedForViewer ?? 0;
    report('slow viewer', {
      rowsPerSecond: RATE_PER_S,
      stallMs: STALL_MS,
      rows: total,
      fastViewersCaughtUpAfterFeedMs: fastDone,
      fastBatchLatencyMs: {
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
        max: percentile(latencies, 100),
      },
      eventLoopDelayMs: during?.phase,
      rssMiB: { before: rssBefore ? rssMiB(rssBefore) : null, stalled: during ? rssMiB(during) : null },
      rssOverTime: rssSeries(engine.samples),
      slowViewer: { received: rowsOf(c, 'shared'), dropped },
    });
    expect(dropped).toBeGreaterThan(0);
    expect(during?.phase.p99 ?? Infinity).toBeLessThan(50);
    expect(percentile(latencies, 99)).toBeLessThan(2000);
    if (rssBefore && during) expect(rssMiB(during) - rssMiB(rssBefore)).toBeLessThan(200);
  } finally {
    await feeder?.stop().catch(() => undefined);
    for (const v of viewers) v.close();
    await producer.disconnect();
    await stopAllEngines();
  }
}, 300_000);
