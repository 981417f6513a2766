/**
 * Integration-test support: the product's engine wired as server/main.ts wires it (command topic,
 * Kafka query runtime, transient queries over Kafka) plus the API server with REST, on a free
 * port, against a real broker. Never used by product code.
 */
import { EngineHealth } from '../../../engine/health';
import { startKafkaEngine, type RunningKafkaEngine } from '../../../engine/kafka-engine';
import { TransientQueries } from '../../../engine/queries/transient-queries';
import { statisticsFromRuntime } from '../../../engine/runtime-statistics';
import { ClusterProbe } from '../../../kafka/cluster-probe';
import { createKafka } from '../../../kafka/client';
import { KafkaQueryRuntime } from '../../../kafka/runtime/kafka-query-runtime';
import { KafkaRecordSource } from '../../../kafka/runtime/kafka-record-source';
import { QueryCatchUp } from '../../../kafka/runtime/query-catch-up';
import { TopicAdmin } from '../../../kafka/topic-admin';
import { silentLogger } from '../../../log/logger';
import { createApiServer } from '../../api-server';
import { createRestApi, type RestSettings } from '../rest-api';
import { DEFAULT_SETTINGS } from './harness';

export interface LiveServer {
  readonly url: string;
  readonly port: number;
  readonly running: RunningKafkaEngine;
  stop(): Promise<void>;
}

export async function startLiveServer(
  bootstrap: string,
  serviceId: string,
  settings: Partial<RestSettings> = {},
  options: { commandTimeoutMs?: number; pullCatchUpMs?: number } = {},
): Promise<LiveServer> {
  const log = silentLogger;
  const kafka = createKafka({
    bootstrapServers: [bootstrap],
    clientId: `kappa-rest-${serviceId}`,
    logger: log,
  });
  const probe = new ClusterProbe(kafka, 60_000);
  const health = new EngineHealth(probe, serviceId, bootstrap);
  await probe.check();
  const admin = new TopicAdmin(kafka);
  const runtime = new KafkaQueryRuntime(kafka, admin, serviceId, log);
  const catchUp = new QueryCatchUp(admin, serviceId, options.pullCatchUpMs ?? 5000);
  const rest = { ...DEFAULT_SETTINGS, maxRequestBytes: 1024 * 1024, ...settings };
  const running = await startKafkaEngine({
    kafka,
    serviceId,
    log,
    health,
    bootstrapServers: bootstrap,
    runtime: () => runtime,
    statistics: statisticsFromRuntime(runtime),
    transient: (state, services) =>
      new TransientQueries(
        state,
        new KafkaRecordSource(kafka, services.admin, `_kappa-${serviceId}_transient_`, log),
        { now: () => Date.now() },
        {
          maxPushQueries: rest.maxPushQueries,
          defaultOffsetReset: 'latest',
          catchUp: (catalog, sources) => catchUp.wait(catalog, sources),
        },
      ),
  });
  const isReady = (): boolean => health.serverStatus() !== 'STARTING';
  const api = createRestApi({
    engine: running.engine,
    settings: rest,
    corsOrigins: [],
    logger: log,
    isReady,
    ...(options.commandTimeoutMs !== undefined ? { commandTimeoutMs: options.commandTimeoutMs } : {}),
  });
  const server = createApiServer({
    host: '127.0.0.1',
    port: 0,
    corsOrigins: [],
    health,
    logger: log,
    routes: api.routes,
    guard: api.guard,
    upgrades: [api.upgrade],
    beforeClose: api.close,
    isReady,
  });
  const { port } = await server.listen();
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    running,
    stop: async () => {
      await server.close();
      await running.stop();
      await runtime.stopAll().catch(() => undefined);
      await admin.close().catch(() => undefined);
      await probe.stop();
    },
  };
}
