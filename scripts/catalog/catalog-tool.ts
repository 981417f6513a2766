/**
 * Shared plumbing of the catalog scripts (export, import, repair): options, and a headless engine
 * — the real engine over the service's command topic, without HTTP and without running persistent
 * queries (the cluster's engines run those; they follow the same log).
 */
import { parseArgs } from 'node:util';
import type { HealthSnapshot } from '../../lib/contracts/health';
import { loadConfig } from '../../server/config/config';
import { startKafkaEngine, type RunningKafkaEngine } from '../../server/engine/kafka-engine';
import type { HealthSource } from '../../server/engine/health';
import { createKafka } from '../../server/kafka/client';
import type { KafkaClient } from '../../server/kafka/kafka-services';
import { createLogger, type Logger } from '../../server/log/logger';

export interface ToolOptions {
  readonly bootstrap: string;
  readonly serviceId: string;
  readonly positionals: readonly string[];
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
}

export const COMMON_USAGE = `  --bootstrap <host:port,…>   Kafka (default: KAFKA_BOOTSTRAP_SERVERS or 127.0.0.1:9092)
  --service-id <id>           the engine cluster's service id (default: KAPPA_SERVICE_ID or default_)`;

export function toolOptions(
  argv: readonly string[],
  extra: Record<string, { type: 'string' | 'boolean'; short?: string }> = {},
): ToolOptions {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      bootstrap: { type: 'string' },
      'service-id': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      ...extra,
    },
  });
  const config = loadConfig(process.env);
  return {
    bootstrap: (values.bootstrap as string | undefined) ?? config.kafka.bootstrapServers.join(','),
    serviceId: (values['service-id'] as string | undefined) ?? config.serviceId,
    positionals,
    values: values as Record<string, string | boolean | undefined>,
  };
}

export function toolLogger(): Logger {
  return createLogger({ level: 'error', format: 'pretty' });
}

export function toolKafka(options: ToolOptions, log: Logger): KafkaClient {
  return createKafka({
    bootstrapServers: options.bootstrap.split(','),
    clientId: 'kappa-catalog-tool',
    logger: log,
  });
}

/** The catalog of a service, replayed from its command topic by an engine that runs nothing. */
export async function openCatalog(
  options: ToolOptions,
  log: Logger = toolLogger(),
): Promise<RunningKafkaEngine> {
  let status: HealthSnapshot['serverStatus'] = 'STARTING';
  let reason: string | undefined;
  const health: HealthSource & { setServerStatus(s: HealthSnapshot['serverStatus'], r?: string): void } = {
    setServerStatus: (s, r) => {
      status = s;
      reason = r;
    },
    snapshot: () => ({
      version: 'tool',
      serviceId: options.serviceId,
      serverStatus: status,
      ...(reason !== undefined ? { degradedReason: reason } : {}),
      kafka: { connected: true, bootstrapServers: options.bootstrap, checkedAt: Date.now() },
    }),
    onChange: () => () => {},
  };
  return startKafkaEngine({
    kafka: toolKafka(options, log),
    serviceId: options.serviceId,
    log,
    health,
    runtime: () => ({ start: () => {}, stop: () => {} }),
    transient: () => ({
      query: () => Promise.reject(new Error('the catalog tools run no queries')),
      close: async () => false,
      list: () => [],
    }),
    bootstrapServers: options.bootstrap,
    commandTimeoutMs: 30_000,
  });
}

/** Runs a script's main, printing errors without a stack trace and exiting non-zero. */
export function runTool(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
