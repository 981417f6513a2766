/**
 * socket.io delivery through the real API server (engine side): one shared run watched by 1 and by
 * 10 viewers — catch-up on the pre-loaded bids (rows/s delivered) and a fixed 10k events/s load
 * (event → Node client latency). Each scenario runs a fresh engine child.
 */
import type { Kafka } from 'kafkajs';
import { openLoop } from '../latency/open-loop';
import type { NexmarkTopics } from '../kafka/preload';
import { BenchAdmin } from '../kafka/topics';
import type { SocketRow } from '../report/results';
import { Viewer } from '../socket/viewer';
import { median, summarize } from '../stats/stats';
import { ChildJob } from './child';

export interface SocketOptions {
  readonly kafka: Kafka;
  readonly bootstrapServers: string;
  readonly topics: NexmarkTopics;
  readonly counts: Readonly<Record<keyof NexmarkTopics, number>>;
  readonly partitions: number;
  readonly quick: boolean;
  readonly seconds: number;
  readonly log: (line: string) => void;
}

async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
  return true;
}

async function scenario(
  o: SocketOptions,
  name: string,
  viewers: number,
  setup: string,
  sql: string,
  drive: (all: Viewer[]) => Promise<number | undefined>,
): Promise<SocketRow> {
  const tag = Date.now().toString(36);
  const child = new ChildJob(
    { kind: 'stack', bootstrapServers: o.bootstrapServers, serviceId: `bench_sock_${tag}`, setup },
    {},
  );
  const all: Viewer[] = [];
  try {
    const ready = await child.waitFor('ready', 90_000);
    const url = `http://127.0.0.1:${ready.port}`;
    for (let i = 0; i < viewers; i++) all.push(new Viewer(url));
    await Promise.all(all.map((v) => v.connected()));
    const runId = `bench-${tag}`;
    const [first, ...others] = all;
    await first!.run(runId, sql, { 'auto.offset.reset': 'earliest' });
    if (others.length > 0) {
      // Pause while the others attach, so that every viewer sees (nearly) the whole stream.
      first!.socket.emit('query:pause', { runId });
      await Promise.all(others.map((v) => v.attach(runId)));
      first!.socket.emit('query:resume', { runId });
    }
    const expected = await drive(all);
    const error = all.find((v) => v.error)?.error;
    if (error) throw new Error(error);
    child.send({ type: 'report' });
    const done = await child.waitFor('done', 10_000).catch(() => undefined);
    const rows = all.reduce((a, v) => a + v.rows, 0);
    const rates = all.map((v) => (v.rows / Math.max(1, v.lastAt - v.firstAt)) * 1000);
    const latency = all.flatMap((v) => [...v.latency.values()]);
    return {
      scenario: name,
      viewers,
      rowsPerSecPerViewer: median(rates),
      rowsPerSecTotal: rates.reduce((a, b) => a + b, 0),
      rows,
      ...(latency.length > 0 ? { latencyMs: summarize(latency) } : {}),
      ...(done
        ? {
            engineCpuUsPerRow:
              (done.result.cpuUserUs + done.result.cpuSystemUs) / Math.max(1, expected ?? rows),
          }
        : {}),
    };
  } catch (error) {
    return { scenario: name, viewers, error: error instanceof Error ? error.message : String(error) };
  } finally {
    for (const v of all) v.close();
    await child.stop();
  }
}

export async function runSocketDelivery(o: SocketOptions): Promise<SocketRow[]> {
  const rows: SocketRow[] = [];
  const limit = Math.min(o.counts.bid, o.quick ? 30_000 : 100_000);
  const bidDdl = `CREATE STREAM sock_bid (auction BIGINT, bidder BIGINT, price BIGINT, channel STRING, url STRING,
    dateTime BIGINT, extra STRING) WITH (kafka_topic='${o.topics.bid}', format='JSON');`;
  for (const viewers of [1, 10]) {
    rows.push(
      await scenario(
        o,
        `catch-up SELECT * (LIMIT ${limit})`,
        viewers,
        bidDdl,
        `SELECT * FROM sock_bid EMIT CHANGES LIMIT ${limit};`,
        async (all) => {
          await until(() => all.every((v) => v.ended || v.rows >= limit), 180_000);
          return limit;
        },
      ),
    );
    log(o, rows.at(-1)!);
  }
  const admin = new BenchAdmin(o.kafka);
  for (const viewers of [1, 10]) {
    const topic = `bench_sock_lat_${viewers}_${Date.now().toString(36)}`;
    await admin.create([topic], o.partitions);
    const ddl = `CREATE STREAM sock_lat (auction BIGINT, bidder BIGINT, price BIGINT) WITH (kafka_topic='${topic}', format='JSON');`;
    rows.push(
      await scenario(
        o,
        'fixed 10k events/s, ROWTIME → client',
        viewers,
        ddl,
        'SELECT ROWTIME AS rt, auction, bidder, price FROM sock_lat EMIT CHANGES;',
        async (all) => {
          await openLoop(o.kafka, topic, o.partitions, 500, 1); // warm-up
          await until(() => all.every((v) => v.rows > 0), 20_000);
          for (const v of all) v.recordLatency = true;
          const sent = await openLoop(o.kafka, topic, o.partitions, 10_000, o.seconds);
          const target = all.map((v) => v.rows + sent.sent);
          void target;
          await new Promise((r) => setTimeout(r, 1000));
          for (const v of all) v.recordLatency = false;
          return sent.sent;
        },
      ),
    );
    log(o, rows.at(-1)!);
    await admin.delete([topic]);
  }
  await admin.close();
  return rows;
}

function log(o: SocketOptions, r: SocketRow): void {
  if (r.error) return o.log(`  ${r.scenario}, ${r.viewers} viewer(s): FAILED ${r.error}`);
  const lat = r.latencyMs ? `, latency p50 ${r.latencyMs.p50} p99 ${r.latencyMs.p99} ms` : '';
  o.log(
    `  ${r.scenario}, ${r.viewers} viewer(s): ${Math.round(r.rowsPerSecPerViewer ?? 0)} rows/s per viewer, ${Math.round(r.rowsPerSecTotal ?? 0)} total${lat}`,
  );
}
