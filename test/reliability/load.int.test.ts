/**
 * Load: 100 concurrent push queries (40 over HTTP/1.1, 40 multiplexed on one h2c session, 20 run
 * by socket.io viewers) on one engine, fed continuously, for KAPPA_RELIABILITY_LOAD_MS (2 minutes
 * by default so CI stays bounded; 300000 for the 5 minutes). Memory does not keep growing
 * (RSS reported over time), the event-loop delay p99 measured inside the engine stays under 50 ms,
 * every REST query gets every row, and every viewer's rows plus its counted drops are every row.
 */
import { afterAll, expect, inject, it } from 'vitest';
import { uniqueName } from '../../scripts/testing/unique';
import { rssMiB, startEngine, stopAllEngines, type ProbeSample } from './support/engine-process';
import { startFeeder, type Feeder } from './support/feeder';
import { h2PushQuery, h2Session } from './support/h2-push';
import { connectedProducer, testKafka } from './support/kafka-io';
import { median, report, rssSeries } from './support/report';
import { ksql, pushQuery, until, type PushStream } from './support/rest';
import { connected, connectViewer, type Viewer } from './support/viewer';

const LOAD_MS = Number(process.env.KAPPA_RELIABILITY_LOAD_MS ?? 120_000);
const RATE_PER_S = Number(process.env.KAPPA_RELIABILITY_LOAD_RATE ?? 100);
const HTTP1 = 40;
const H2C = 40;
const VIEWERS = 20;

afterAll(stopAllEngines);

/**
 * RSS growth while the load is steady, MiB: the median of the last quarter of the run minus that
 * of the second quarter. The first quarter is left out: V8's heaps and the sockets' buffers grow
 * to their working size there; memory that keeps growing after that is a leak.
 */
function steadyGrowth(samples: readonly ProbeSample[]): number {
  const q = Math.max(1, Math.floor(samples.length / 4));
  return median(samples.slice(-q).map(rssMiB)) - median(samples.slice(q, 2 * q).map(rssMiB));
}

it(
  `holds ${HTTP1 + H2C + VIEWERS} push queries and ${VIEWERS} viewers without memory growth or event-loop stalls`,
  async () => {
    const bootstrap = inject('kafkaBootstrapServers');
    const engine = await startEngine({
      bootstrap,
      serviceId: uniqueName('load'),
      env: { KAPPA_LOG_LEVEL: 'warn', KAPPA_MAX_PUSH_QUERIES: String(HTTP1 + H2C + VIEWERS) },
      probeIntervalMs: 2000,
    });
    const kafka = testKafka(bootstrap);
    const producer = await connectedProducer(kafka);
    let session: ReturnType<typeof h2Session> | undefined;
    const http1: PushStream[] = [];
    const h2 = [] as ReturnType<typeof h2PushQuery>[];
    const viewers: Viewer[] = [];
    let feeder: Feeder | undefined;
    try {
      await engine.waitReady();
      const s = uniqueName('LD');
      const topic = s.toLowerCase();
      await ksql(
        engine.url,
        `CREATE STREAM ${s} (ID STRING KEY, V INT, NOTE STRING) WITH (KAFKA_TOPIC='${topic}', VALUE_FORMAT='JSON', PARTITIONS=2);`,
      );
      const sql = `SELECT * FROM ${s} EMIT CHANGES;`;
      const setupStarted = Date.now();
      for (let i = 0; i < HTTP1; i++) http1.push(pushQuery(engine.url, sql));
      const shared = h2Session(engine.url);
      session = shared;
      for (let i = 0; i < H2C; i++) h2.push(h2PushQuery(shared, sql));
      for (let i = 0; i < VIEWERS; i++) {
        const v = connectViewer(engine.url, { countOnly: true });
        viewers.push(v);
        await connected(v);
        v.run(`load-${i}`, sql);
      }
      expect(await Promise.all([...http1.map((p) => p.status), ...h2.map((p) => p.status)])).toEqual(
        Array(HTTP1 + H2C).fill(200),
      );
      const viewerRows = (i: number): number => viewers[i]?.rows.get(`load-${i}`)?.length ?? 0;
      const counts = (): number[] => [
        ...http1.map((p) => p.rows.length),
        ...h2.map((p) => p.rows()),
        ...viewers.map((_, i) => viewerRows(i)),
      ];
      // Warm-up: records until one has reached every query (a push query reads from the latest
      // offset once its consumer is assigned, so early records miss late joiners).
      await until(
        async () => {
          await producer.send({
            topic,
            messages: [{ key: 'w', value: JSON.stringify({ V: -1, NOTE: 'warm-up' }) }],
          });
          await new Promise((r) => setTimeout(r, 500));
          return counts().every((n) => n >= 1);
        },
        120_000,
        'a warm-up row in every query',
        () => `(${counts().filter((n) => n >= 1).length} of ${counts().length} queries)`,
      );
      await new Promise((r) => setTimeout(r, 1000));
      const baseline = counts();
      const setupMs = Date.now() - setupStarted;

      engine.markPhase();
      const phaseFrom = engine.samples.length;
      const running = startFeeder(producer, {
        topic,
        partitions: 2,
        perTick: Math.max(1, Math.round(RATE_PER_S / 10)),
        tickMs: 100,
        key: (i) => `k${i % 1000}`,
        value: (i) => ({ V: i, NOTE: 'n'.repeat(60) }),
      });
      feeder = running;
      await new Promise((r) => setTimeout(r, LOAD_MS));
      await running.stop();
      const total = running.sent();
      const viewerDropped = (): number[] =>
        viewers.map((_, i) => viewers[i]?.statuses.get(`load-${i}`)?.droppedForViewer ?? 0);
      // Every query: its warm-up rows plus every fed row, delivered or (viewers) counted as dropped.
      const settled = (): boolean => {
        const c = counts();
        const d = viewerDropped();
        return c.every((n, q) => n + (d[q - HTTP1 - H2C] ?? 0) === (baseline[q] ?? 0) + total);
      };
      await until(settled, 60_000, 'every row delivered or counted', () => {
        const c = counts().map((n, q) => n - (baseline[q] ?? 0));
        return `(${total} rows; min ${Math.min(...c)}, max ${Math.max(...c)}; drops ${viewerDropped().join(',')})`;
      });
      await new Promise((r) => setTimeout(r, 2500)); // one more probe sample covering the end
      const phase = engine.samples.slice(phaseFrom);
      const last = phase.at(-1);
      const drops = viewerDropped();
      report('load (100 push queries, 20 viewers)', {
        durationMs: LOAD_MS,
        recordsPerSecond: RATE_PER_S,
        rowsDeliveredPerSecond: Math.round(((total * (HTTP1 + H2C + VIEWERS)) / LOAD_MS) * 1000),
        setupMs,
        rows: total,
        eventLoopDelayMs: last?.phase,
        worstIntervalP99Ms: Math.max(...phase.map((p) => p.loop.p99)),
        rssOverTime: rssSeries(phase, 12),
        rssGrowthMiB: { total: rssMiB(phase.at(-1)!) - rssMiB(phase[0]!), steady: steadyGrowth(phase) },
        heapUsedMiB: last ? Math.round(last.heapUsedBytes / 1024 / 1024) : null,
        viewerDrops: { total: drops.reduce((a, b) => a + b, 0), perViewer: drops },
        restErrors: [...http1.flatMap((p) => p.other), ...h2.flatMap((p) => p.errors)].slice(0, 3),
      });
      expect(last?.phase.p99 ?? Infinity).toBeLessThan(50);
      expect(steadyGrowth(phase)).toBeLessThan(Math.max(48, 0.15 * rssMiB(phase[0]!)));
    } finally {
      await feeder?.stop().catch(() => undefined);
      for (const p of http1) p.close();
      for (const p of h2) p.close();
      session?.close();
      for (const v of viewers) v.close();
      await producer.disconnect();
      await stopAllEngines();
    }
  },
  LOAD_MS + 360_000,
);
