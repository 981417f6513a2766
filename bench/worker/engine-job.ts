/**
 * Runs one Nexmark query in Kappa's Kafka runtime (the product's KafkaQueryRuntime, planner and
 * operators; the catalog's command log is kept in memory, as in the runtime's integration test)
 * and measures from the first fetched batch until every input record — and every record the query
 * wrote to its own repartition topics — has been processed and written.
 */
import { CatalogState } from '../../server/engine/catalog-state';
import { StatementExecutor } from '../../server/engine/engine';
import { PersistentQueryManager } from '../../server/engine/persistent-queries';
import type { CommandRecord } from '../../server/catalog/command-schema';
import { createKafka } from '../../server/kafka/client';
import { KafkaQueryRuntime } from '../../server/kafka/runtime/kafka-query-runtime';
import { TopicAdmin } from '../../server/kafka/topic-admin';
import { silentLogger } from '../../server/log/logger';
import { createAsSelect, sourceDdl } from '../workloads/sql';
import { instrumentKafka } from './instrument-kafka';
import type { Job } from './jobs';
import { RunMeter, send } from './meter';

type EngineJob = Extract<Job, { kind: 'engine' }>;

const STALL_MS = 45_000;

export interface RunningJob {
  /** Ends the measurement now and sends it (open-ended jobs). */
  report(): void;
  stop(): Promise<void>;
}

export async function runEngineJob(job: EngineJob): Promise<RunningJob> {
  const meter = new RunMeter();
  const counts = new Map<string, number>();
  const subscribed = new Set<string>();
  const expected = new Map(Object.entries(job.inputs));
  const total = [...expected.values()].reduce((a, b) => a + b, 0);
  let internalTargets: Map<string, number> | undefined;
  let fetchingTargets = false;
  const base = createKafka({
    bootstrapServers: [job.bootstrapServers],
    clientId: 'kappa-bench',
    logger: silentLogger,
  });
  const admin = new TopicAdmin(base);

  const complete = (): boolean => {
    for (const [t, n] of expected) if ((counts.get(t) ?? 0) < n) return false;
    if (!internalTargets) return false;
    for (const [t, n] of internalTargets) if ((counts.get(t) ?? 0) < n) return false;
    return true;
  };
  const check = (): void => {
    if (job.open) return;
    if (complete()) {
      meter.finish(total, { internal: Object.fromEntries(internalTargets ?? []), processingErrors });
      return;
    }
    for (const [t, n] of expected) if ((counts.get(t) ?? 0) < n) return;
    if (internalTargets || fetchingTargets) return;
    // Every input is in: what the query wrote to its repartition topics is now final.
    fetchingTargets = true;
    void (async () => {
      const targets = new Map<string, number>();
      for (const t of subscribed) {
        if (expected.has(t)) continue;
        let n = 0;
        for (const [, high] of await admin.endOffsets(t)) n += high;
        targets.set(t, n);
      }
      internalTargets = targets;
      if (complete()) meter.finish(total, { internal: Object.fromEntries(targets), processingErrors });
    })();
  };
  const kafka = instrumentKafka(base, {
    subscribed: (t) => subscribed.add(t),
    before: (t) => {
      if (expected.has(t)) meter.start();
    },
    after: (t, n) => {
      counts.set(t, (counts.get(t) ?? 0) + n);
      meter.mark();
      check();
    },
  });

  // A query that stops making progress fails the run quickly instead of waiting for the timeout.
  const stopWatching = job.open
    ? () => {}
    : meter.watchStalls(STALL_MS, () =>
        [...expected.keys()]
          .map((t) => `${counts.get(t) ?? 0}/${expected.get(t)} records of ${t}`)
          .join(', '),
      );

  const state = new CatalogState();
  let processingErrors = 0;
  const runtime = new KafkaQueryRuntime(kafka, admin, job.serviceId, silentLogger, (_id, e) => {
    // The first few go to the report; a flood of them would swamp the IPC channel.
    if (processingErrors++ < 5)
      send({ type: 'error', message: `processing error: ${e.kind} ${e.step}: ${e.message}` });
  });
  const manager = new PersistentQueryManager(state, runtime, silentLogger);
  const log: CommandRecord[] = [];
  const executor = new StatementExecutor(
    state,
    {
      topics: {
        partitions: (n) => admin.partitionCount(n),
        create: async (spec) => void (await admin.ensure(spec)),
        delete: (names) => admin.delete(names),
        list: () => admin.list(),
      },
      commands: {
        append: async (key, record) => {
          log.push(record);
          state.applyRecord(log.length - 1, key, record);
          return log.length - 1;
        },
      },
      writer: { write: async () => {} },
      clock: { now: () => Date.now() },
    },
    { serviceId: job.serviceId },
  );
  manager.startAll();
  if (process.env.BENCH_DEBUG) {
    setInterval(() => {
      const stats = state
        .catalog()
        .queries()
        .map((q) => runtime.stats(q.id));
      console.error(
        '[engine-job]',
        JSON.stringify(Object.fromEntries(counts)),
        JSON.stringify(internalTargets ? Object.fromEntries(internalTargets) : null),
        [...subscribed].join(','),
        JSON.stringify(stats),
      );
    }, 2000).unref();
  }
  await executor.execute(sourceDdl({ ...job.sources, partitions: job.partitions }));
  send({ type: 'ready' });
  await executor.execute(
    createAsSelect(job.query, `${job.output.replace(/[^A-Za-z0-9_]/g, '_')}`, job.output, job.partitions),
  );
  return {
    report: () => {
      let n = 0;
      for (const t of expected.keys()) n += counts.get(t) ?? 0;
      meter.finish(n, { processingErrors });
    },
    stop: async () => {
      stopWatching();
      await runtime.stopAll().catch(() => undefined);
      await admin.close().catch(() => undefined);
    },
  };
}
