/**
 * Latency at fixed offered loads (performance.md §6.1.5): an open-loop producer at 1k and 10k
 * events/s; B5 reads the input topic directly (broker + client floor), the engine runs q1 from the
 * input to an output topic; the engine's added latency is its percentile minus B5's.
 */
import type { Kafka } from 'kafkajs';
import { LatencyConsumer } from '../latency/latency-consumer';
import { openLoop } from '../latency/open-loop';
import type { NexmarkTopics } from '../kafka/preload';
import { BenchAdmin } from '../kafka/topics';
import type { LatencyRow } from '../report/results';
import { summarize } from '../stats/stats';
import { ChildJob } from './child';

export interface LatencyOptions {
  readonly kafka: Kafka;
  readonly bootstrapServers: string;
  readonly topics: NexmarkTopics;
  readonly partitions: number;
  readonly seconds: number;
  readonly rates: readonly number[];
  readonly log: (line: string) => void;
}

const WARMUP_PER_SEC = 200;

async function measure(
  o: LatencyOptions,
  path: string,
  input: string,
  read: string,
  rate: number,
): Promise<Omit<LatencyRow, 'path' | 'offeredPerSec'>> {
  const consumer = new LatencyConsumer(o.kafka, read);
  await consumer.start();
  try {
    // Warm-up until records come out at the far end (consumer groups joined, code paths hot).
    for (let i = 0; i < 30 && consumer.received === 0; i++)
      await openLoop(o.kafka, input, o.partitions, WARMUP_PER_SEC, 1);
    if (consumer.received === 0) throw new Error(`${path}: nothing arrived during the warm-up`);
    await openLoop(o.kafka, input, o.partitions, Math.min(rate, 2000), 1);
    const before = consumer.received;
    consumer.record(true);
    const sent = await openLoop(o.kafka, input, o.partitions, rate, o.seconds);
    await consumer.waitFor(before + sent.sent, 10_000);
    consumer.record(false);
    return { achievedPerSec: sent.sent / sent.seconds, latencyMs: summarize(consumer.samples.values()) };
  } finally {
    await consumer.stop();
  }
}

export async function runLatency(o: LatencyOptions): Promise<LatencyRow[]> {
  const rows: LatencyRow[] = [];
  const admin = new BenchAdmin(o.kafka);
  for (const rate of o.rates) {
    const tag = `${rate}_${Date.now().toString(36)}`;
    const input = `bench_lat_in_${tag}`;
    const output = `bench_lat_out_${tag}`;
    // Each path gets an input topic of its own: a query reading from the earliest offset must not
    // first catch up on the records of the path measured before it.
    const engineInput = `${input}_q1`;
    await admin.create([input, engineInput], o.partitions);
    try {
      const b5 = await measure(o, 'B5', input, input, rate);
      rows.push({ path: 'B5', offeredPerSec: rate, ...b5 });
      log(o, rows.at(-1)!);
      const engine = new ChildJob(
        {
          kind: 'engine',
          bootstrapServers: o.bootstrapServers,
          inputs: { [engineInput]: 0 },
          output,
          partitions: o.partitions,
          query: 'q1',
          sources: { ...o.topics, bid: engineInput },
          serviceId: `bench_lat_${tag}`,
          open: true,
        },
        {},
      );
      try {
        await engine.waitFor('ready', 60_000);
        await waitForTopic(admin, output);
        const q1 = await measure(o, 'engine q1', engineInput, output, rate);
        engine.send({ type: 'report' });
        const done = await engine.waitFor('done', 10_000).catch(() => undefined);
        const cpu = done
          ? (done.result.cpuUserUs + done.result.cpuSystemUs) / Math.max(1, done.result.records)
          : undefined;
        rows.push({
          path: 'engine q1',
          offeredPerSec: rate,
          ...q1,
          addedMs: {
            p50: q1.latencyMs.p50 - b5.latencyMs.p50,
            p95: q1.latencyMs.p95 - b5.latencyMs.p95,
            p99: q1.latencyMs.p99 - b5.latencyMs.p99,
          },
          ...(cpu !== undefined ? { engineCpuUsPerEvent: cpu } : {}),
        });
      } catch (error) {
        rows.push({
          path: 'engine q1',
          offeredPerSec: rate,
          achievedPerSec: 0,
          latencyMs: summarize([]),
          error: String(error),
        });
      } finally {
        await engine.stop();
      }
      log(o, rows.at(-1)!);
      rows.push(await handWritten(o, `${input}_b3`, `${output}_b3`, rate, b5));
      log(o, rows.at(-1)!);
    } finally {
      const leftovers = (await admin.list()).filter(
        (t) => t === input || t === engineInput || t === output || t.startsWith(`_kappa-bench_lat_${tag}`),
      );
      await admin.delete(leftovers);
    }
  }
  await admin.close();
  return rows;
}

/**
 * The same path by hand (B3's consume → q1 → produce → commit loop at the same load, on a topic of
 * its own), to tell the engine's own latency from what kafkajs and the broker add to any hop.
 */
async function handWritten(
  o: LatencyOptions,
  input: string,
  output: string,
  rate: number,
  b5: Omit<LatencyRow, 'path' | 'offeredPerSec'>,
): Promise<LatencyRow> {
  const admin = new BenchAdmin(o.kafka);
  await admin.create([input, output], o.partitions);
  const child = new ChildJob(
    {
      kind: 'baseline',
      baseline: 'b3',
      bootstrapServers: o.bootstrapServers,
      inputs: { [input]: Number.MAX_SAFE_INTEGER },
      output,
      partitions: o.partitions,
    },
    {},
  );
  try {
    await child.waitFor('ready', 60_000);
    const m = await measure(o, 'B3 q1 by hand', input, output, rate);
    return {
      path: 'B3 q1 by hand',
      offeredPerSec: rate,
      ...m,
      addedMs: {
        p50: m.latencyMs.p50 - b5.latencyMs.p50,
        p95: m.latencyMs.p95 - b5.latencyMs.p95,
        p99: m.latencyMs.p99 - b5.latencyMs.p99,
      },
    };
  } catch (error) {
    return {
      path: 'B3 q1 by hand',
      offeredPerSec: rate,
      achievedPerSec: 0,
      latencyMs: summarize([]),
      error: String(error),
    };
  } finally {
    await child.stop();
    await admin.delete([input, output]);
    await admin.close();
  }
}

async function waitForTopic(admin: BenchAdmin, topic: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if ((await admin.list()).includes(topic)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the engine did not create ${topic}`);
}

function log(o: LatencyOptions, r: LatencyRow): void {
  if (r.error) return o.log(`  ${r.path} at ${r.offeredPerSec}/s: FAILED ${r.error}`);
  const added = r.addedMs
    ? `, added p50/p95/p99 ${r.addedMs.p50.toFixed(1)}/${r.addedMs.p95.toFixed(1)}/${r.addedMs.p99.toFixed(1)} ms`
    : '';
  o.log(
    `  ${r.path} at ${r.offeredPerSec}/s (${Math.round(r.achievedPerSec)} achieved): p50 ${r.latencyMs.p50} p95 ${r.latencyMs.p95} p99 ${r.latencyMs.p99} max ${r.latencyMs.max} ms${added}`,
  );
}
