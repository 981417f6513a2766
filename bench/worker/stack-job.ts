/**
 * The engine as the workbench sees it: Kafka engine (command topic, persistent and transient
 * queries) behind the real API server with the workbench's socket.io features, wired like
 * server/main.ts minus the database. The parent connects socket.io clients (or a browser) to it.
 */
import { createApiServer } from '../../server/api/api-server';
import { workbenchFeatures } from '../../server/api/socket/workbench-features';
import { EngineHealth } from '../../server/engine/health';
import { startKafkaEngine } from '../../server/engine/kafka-engine';
import { TransientQueries } from '../../server/engine/queries/transient-queries';
import { ClusterProbe } from '../../server/kafka/cluster-probe';
import { createKafka } from '../../server/kafka/client';
import { KafkaQueryRuntime } from '../../server/kafka/runtime/kafka-query-runtime';
import { KafkaRecordSource } from '../../server/kafka/runtime/kafka-record-source';
import { TopicAdmin } from '../../server/kafka/topic-admin';
import { silentLogger } from '../../server/log/logger';
import type { RunningJob } from './engine-job';
import type { Job } from './jobs';
import { RunMeter, send } from './meter';

type StackJob = Extract<Job, { kind: 'stack' }>;

export async function runStackJob(job: StackJob): Promise<RunningJob> {
  const log = silentLogger;
  const kafka = createKafka({
    bootstrapServers: [job.bootstrapServers],
    clientId: 'kappa-bench-stack',
    logger: log,
  });
  const probe = new ClusterProbe(kafka, 60_000);
  const health = new EngineHealth(probe, job.serviceId, job.bootstrapServers);
  const admin = new TopicAdmin(kafka);
  const runtime = new KafkaQueryRuntime(kafka, admin, job.serviceId, log);
  const running = await startKafkaEngine({
    kafka,
    serviceId: job.serviceId,
    log,
    health,
    bootstrapServers: job.bootstrapServers,
    runtime: () => runtime,
    transient: (state, services) =>
      new TransientQueries(
        state,
        new KafkaRecordSource(kafka, services.admin, `_kappa-${job.serviceId}_transient_`, log),
        { now: () => Date.now() },
        { maxPushQueries: 100, defaultOffsetReset: 'latest' },
      ),
  });
  const api = createApiServer({
    host: '127.0.0.1',
    port: job.port ?? 0,
    corsOrigins: job.corsOrigins ?? [],
    health,
    logger: log,
    socketFeatures: workbenchFeatures({ engine: running.engine, logger: log }),
    isReady: () => true,
  });
  const { port } = await api.listen();
  await running.engine.execute(job.setup);
  // CPU is measured from here: the viewers' runs are the only work left.
  const meter = new RunMeter();
  meter.start();
  send({ type: 'ready', port });
  return {
    report: () => meter.finish(0),
    stop: async () => {
      await api.close().catch(() => undefined);
      await running.stop().catch(() => undefined);
      await runtime.stopAll().catch(() => undefined);
      await admin.close().catch(() => undefined);
      await probe.stop().catch(() => undefined);
    },
  };
}
