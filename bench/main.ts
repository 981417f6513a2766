/**
 * `npm run bench`: the Nexmark-style suite (see bench/README.md). Starts its own Kafka broker
 * unless KAFKA_BOOTSTRAP_SERVERS is set, pre-loads the topics once, runs the stages and writes
 * bench/out/results-<time>.{json,md}. Every child process and the broker are stopped at the end.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBroker, type RunningBroker } from '../scripts/kafka/broker';
import { Expectations } from './check/expectations';
import { benchKafka } from './kafka/connect';
import { preload } from './kafka/preload';
import { BenchAdmin } from './kafka/topics';
import { withConfig } from './nexmark/config';
import { renderMarkdown } from './report/markdown';
import type { BenchResults } from './report/results';
import { runInProcess } from './run/inproc';
import { runLatency } from './run/latency';
import { machineInfo } from './run/machine';
import { parseOptions } from './run/options';
import { runSocketDelivery } from './run/socket';
import { runBrowser } from './run/browser';
import { runThroughput } from './run/throughput';
import {
  BASELINES,
  QUERIES,
  RDKAFKA_BASELINES,
  isBaseline,
  isRdkafkaBaseline,
  type WorkloadId,
} from './run/workloads';
import { rdkafkaInstalled } from './rdkafka/client';
import type { QueryId } from './workloads/sql';

const outDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'out');
const log = (line: string): void => console.log(line);

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  fs.mkdirSync(outDir, { recursive: true });
  const started = new Date();
  const machine = await machineInfo();
  log(
    `Kappa bench ${options.quick ? '(quick) ' : ''}— ${machine.cpus} cores, Node ${machine.node}, Kafka ${machine.kafka}`,
  );
  let broker: RunningBroker | undefined;
  let bootstrapServers = process.env.KAFKA_BOOTSTRAP_SERVERS;
  if (!bootstrapServers) {
    broker = await startBroker({ ephemeral: true, log });
    bootstrapServers = broker.bootstrapServers;
  }
  const stop = async (): Promise<void> => {
    await broker?.stop().catch(() => undefined);
  };
  process.once('SIGINT', () => void stop().then(() => process.exit(130)));
  process.once('SIGTERM', () => void stop().then(() => process.exit(143)));
  try {
    const kafka = benchKafka(bootstrapServers, 'kappa-bench');
    const runId = `${Date.now().toString(36)}`;
    const topics = {
      person: `nexmark_person_${runId}`,
      auction: `nexmark_auction_${runId}`,
      bid: `nexmark_bid_${runId}`,
      side: `nexmark_side_${runId}`,
    };
    // Event time ends about now: the broker deletes records older than its retention (7 days by
    // default) from the topics the engine creates, which would eat outputs before they are checked.
    const baseTime = Math.floor((Date.now() - (options.events / options.eventRate) * 1000) / 60_000) * 60_000;
    const config = withConfig({ seed: options.seed, eventsPerSecond: options.eventRate, baseTime });
    const expectations = new Expectations();
    log(`Pre-loading ${options.events} Nexmark events into ${options.partitions} partition(s)…`);
    const loaded = await preload(kafka, topics, options.partitions, config, options.events, (e) =>
      expectations.observe(e),
    );
    log(
      `  ${loaded.counts.bid} bids, ${loaded.counts.auction} auctions, ${loaded.counts.person} persons, ` +
        `${(loaded.bytes / 1e6).toFixed(0)} MB in ${loaded.seconds.toFixed(1)} s`,
    );
    const expected = expectations.digests();
    const rdkafka = rdkafkaInstalled();
    if (!rdkafka) log('  (librdkafka baselines skipped: `npm run bench:rdkafka` installs that client)');
    const selected = (
      options.only ?? [...BASELINES, ...(rdkafka ? RDKAFKA_BASELINES : []), ...QUERIES]
    ).filter((id) => rdkafka || !isRdkafkaBaseline(id as WorkloadId)) as WorkloadId[];
    const results: BenchResults = {
      startedAt: started.toISOString(),
      options,
      machine,
      preload: loaded,
      throughput: [],
      inproc: [],
      latency: [],
      socket: [],
      browser: { measured: false, reason: 'stage not run' },
    };
    if (options.stages.includes('throughput')) {
      log(`Throughput (${options.rounds} interleaved round(s)):`);
      results.throughput = await runThroughput(selected, {
        kafka,
        bootstrapServers,
        topics,
        counts: loaded.counts,
        partitions: options.partitions,
        expected,
        ...(broker ? { brokerPid: broker.pid } : {}),
        rounds: options.rounds,
        timeoutMs: 180_000,
        ...(options.profile ? { profileDir: path.join(outDir, 'profiles') } : {}),
        log,
      });
    }
    if (options.stages.includes('inproc')) {
      log('B6 in-process (no Kafka, no JSON):');
      const ids = selected.filter((id): id is QueryId => !isBaseline(id));
      results.inproc = await runInProcess(ids, {
        events: options.events,
        seed: options.seed,
        eventRate: options.eventRate,
        repetitions: options.quick ? 2 : 5,
        log,
      });
    }
    if (options.stages.includes('latency')) {
      log('Latency at fixed offered loads:');
      results.latency = await runLatency({
        kafka,
        bootstrapServers,
        topics,
        partitions: options.partitions,
        seconds: options.latencySeconds,
        rates: [1000, 10_000],
        log,
      });
    }
    if (options.stages.includes('socket')) {
      log('socket.io delivery:');
      results.socket = await runSocketDelivery({
        kafka,
        bootstrapServers,
        topics,
        counts: loaded.counts,
        partitions: options.partitions,
        quick: options.quick,
        seconds: options.latencySeconds,
        log,
      });
    }
    if (options.stages.includes('browser')) {
      log('Browser (Chromium):');
      // The last stage: whatever happens in it, the stages before are still written out.
      results.browser = await runBrowser({
        kafka,
        bootstrapServers,
        partitions: options.partitions,
        seconds: options.latencySeconds,
        log,
      }).catch((error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        log(`  not measured: ${reason}`);
        return { measured: false as const, reason };
      });
    }
    const admin = new BenchAdmin(kafka);
    await admin.delete(Object.values(topics));
    await admin.close();
    results.finishedAt = new Date().toISOString();
    const stamp = started.toISOString().replace(/[:.]/g, '-');
    const json = JSON.stringify(results, null, 2);
    const markdown = renderMarkdown(results);
    fs.writeFileSync(path.join(outDir, `results-${stamp}.json`), json);
    fs.writeFileSync(path.join(outDir, `results-${stamp}.md`), markdown);
    fs.writeFileSync(path.join(outDir, 'latest.json'), json);
    fs.writeFileSync(path.join(outDir, 'latest.md'), markdown);
    log(`\n${markdown}`);
    log(`Results: bench/out/results-${stamp}.{json,md}`);
  } finally {
    await stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
