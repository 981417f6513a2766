/**
 * The engine's composition root: config → Kafka → health → HTTP (REST + socket.io) → signals.
 * Nothing else in server/ reads the environment or installs process handlers.
 */
import { createApiServer } from './api/api-server';
import { ConfigError, loadConfig } from './config/config';
import { EngineHealth } from './engine/health';
import { ClusterProbe } from './kafka/cluster-probe';
import { createKafka } from './kafka/client';
import { createLogger } from './log/logger';
import { openStore } from './store/store';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger(config.log);
  const kafka = createKafka({ ...config.kafka, logger });
  const probe = new ClusterProbe(kafka, config.healthIntervalMs, (state) =>
    state.connected
      ? logger.info('Kafka connected', { clusterId: state.clusterId, brokers: state.brokers })
      : logger.warn('Kafka unreachable', { error: state.error }),
  );
  const health = new EngineHealth(probe, config.serviceId, config.kafka.bootstrapServers.join(','));

  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  logger.info('database ready', { provider: store.target.provider });

  const api = createApiServer({
    host: config.http.host,
    port: config.http.port,
    corsOrigins: config.http.corsOrigins,
    health,
    logger,
    isReady: () => health.serverStatus() !== 'STARTING',
  });

  probe.start();
  const { port } = await api.listen();
  logger.info('Kappa engine listening', {
    url: `http://${config.http.host}:${port}`,
    kafka: config.kafka.bootstrapServers,
  });
  await probe.check();
  health.setServerStatus('RUNNING');

  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    const deadline = setTimeout(() => process.exit(1), 10_000);
    deadline.unref();
    void (async () => {
      await api.close().catch((error: unknown) => logger.warn('http close failed', { error }));
      await probe.stop();
      await store.close().catch(() => {});
      process.exit(0);
    })();
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
