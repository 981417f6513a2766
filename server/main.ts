/**
 * The engine's composition root: config → HTTP (REST + socket.io, answering 50302 until ready) →
 * Kafka → command-topic replay → engine → signals. Nothing else in server/ reads the environment
 * or installs process handlers.
 */
import { createApiServer } from './api/api-server';
import { verifyHandshake } from './api/auth/handshake';
import { createRestApi } from './api/rest/rest-api';
import { workbenchFeatures } from './api/socket/workbench-features';
import { ConfigError, loadConfig } from './config/config';
import { DeferredEngine } from './engine/deferred-engine';
import { EngineHealth } from './engine/health';
import { startKafkaEngineWhenReachable } from './engine/kafka-engine';
import { createProcessingLog } from './engine/processing-log-setup';
import { TransientQueries } from './engine/queries/transient-queries';
import { statisticsFromRuntime } from './engine/runtime-statistics';
import { ClusterProbe } from './kafka/cluster-probe';
import { createKafka } from './kafka/client';
import { KafkaQueryRuntime } from './kafka/runtime/kafka-query-runtime';
import { KafkaRecordSource } from './kafka/runtime/kafka-record-source';
import { QueryCatchUp } from './kafka/runtime/query-catch-up';
import { TopicAdmin } from './kafka/topic-admin';
import { createLogger } from './log/logger';
import { openStore } from './store/store';

/** How long a pull query waits for the persistent queries that write its sources (QueryCatchUp). */
const PULL_CATCH_UP_MS = 5000;

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger(config.log);
  const kafka = createKafka({ ...config.kafka, logger });
  const bootstrapServers = config.kafka.bootstrapServers.join(',');
  const probe = new ClusterProbe(kafka, config.healthIntervalMs, (state) =>
    state.connected
      ? logger.info('Kafka connected', { clusterId: state.clusterId, brokers: state.brokers })
      : logger.warn('Kafka unreachable', { error: state.error }),
  );
  const health = new EngineHealth(probe, config.serviceId, bootstrapServers);
  const engine = new DeferredEngine(health);
  const isReady = (): boolean => health.serverStatus() !== 'STARTING';

  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  logger.info('database ready', { provider: store.target.provider });

  const rest = createRestApi({
    engine,
    settings: config.rest,
    corsOrigins: config.http.corsOrigins,
    logger,
    isReady,
  });
  const api = createApiServer({
    host: config.http.host,
    port: config.http.port,
    corsOrigins: config.http.corsOrigins,
    health,
    logger,
    routes: rest.routes,
    guard: rest.guard,
    upgrades: [rest.upgrade],
    beforeClose: rest.close,
    isReady,
    socketAuthorize: (handshake) => verifyHandshake(rest.verifier, handshake),
    // The workbench's socket.io protocol; persistence comes from the store (server/api cannot import it).
    socketFeatures: workbenchFeatures({
      engine,
      logger,
      savedQueries: store.savedQueries,
      runHistory: store.runHistory,
      // Only called for queries in the catalog, which is empty until the engine (and runtime) exist.
      queryCounters: (queryId) => runtime.stats(queryId),
    }),
  });

  probe.start();
  const { port } = await api.listen();
  logger.info('Kappa engine listening', {
    url: `http://${config.http.host}:${port}`,
    kafka: bootstrapServers,
  });

  let stopping = false;
  let stopEngine = async (): Promise<void> => {};
  const queryAdmin = new TopicAdmin(kafka);
  // A pull query waits up to this long for the queries that write its sources to catch up.
  const pullCatchUp = new QueryCatchUp(queryAdmin, config.serviceId, PULL_CATCH_UP_MS);
  // Every record a query skips goes to the processing-log topic (the KSQL_PROCESSING_LOG stream).
  const processingLog = createProcessingLog({ kafka, serviceId: config.serviceId, log: logger });
  const runtime = new KafkaQueryRuntime(
    kafka,
    queryAdmin,
    config.serviceId,
    logger.child({ component: 'runtime' }),
    processingLog.onError,
  );
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    const deadline = setTimeout(() => process.exit(1), 10_000);
    deadline.unref();
    void (async () => {
      await api.close().catch((error: unknown) => logger.warn('http close failed', { error }));
      await stopEngine().catch((error: unknown) => logger.warn('engine stop failed', { error }));
      await runtime.stopAll().catch(() => {});
      await processingLog.close().catch(() => {});
      await queryAdmin.close().catch(() => {});
      await probe.stop();
      await store.close().catch(() => {});
      process.exit(0);
    })();
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));

  const running = await startKafkaEngineWhenReachable(
    {
      kafka,
      serviceId: config.serviceId,
      log: logger,
      health,
      bootstrapServers,
      runtime: () => runtime,
      statistics: statisticsFromRuntime(runtime),
      transient: (state, services) =>
        new TransientQueries(
          state,
          new KafkaRecordSource(kafka, services.admin, `_kappa-${config.serviceId}_transient_`, logger),
          { now: () => Date.now() },
          {
            maxPushQueries: config.rest.maxPushQueries,
            defaultOffsetReset: 'latest',
            catchUp: (catalog, sources) => pullCatchUp.wait(catalog, sources),
          },
        ),
    },
    { stopped: () => stopping },
  );
  stopEngine = running.stop;
  engine.resolve(running.engine);
  await processingLog
    .start(running.engine)
    .catch((error: unknown) => logger.warn('could not create the processing log', { error }));
  logger.info('Kappa engine ready', {
    serverStatus: health.serverStatus(),
    replayedRecords: running.replay.records,
    replayMillis: Math.round(running.replay.millis),
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
