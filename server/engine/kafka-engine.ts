import type { HealthSnapshot } from '../../lib/contracts/health';
import { CommandTopicError } from '../kafka/command-topic';
import { createKafkaServices, type KafkaClient, type KafkaServices } from '../kafka/kafka-services';
import type { Logger } from '../log/logger';
import { CatalogState } from './catalog-state';
import type { HealthSource } from './health';
import { KafkaCommandLog } from './kafka-command-log';
import { KappaEngine } from './kappa-engine';
import { PersistentQueryManager, type QueryRuntime } from './persistent-queries';
import type { TransientQueriesApi } from './queries/transient-queries-api';
import { serverProperties } from './server-properties';
import type { SourceStatisticsProvider } from './source-statistics';
import type { EngineServices } from './statement-context';

export interface KafkaEngineOptions {
  readonly kafka: KafkaClient;
  readonly serviceId: string;
  readonly log: Logger;
  /** Health to report STARTING → RUNNING/DEGRADED to (EngineHealth in the product). */
  readonly health: HealthSource & {
    setServerStatus(status: HealthSnapshot['serverStatus'], reason?: string): void;
  };
  /** The persistent-query runtime, given the catalog it follows. */
  readonly runtime: (state: CatalogState) => QueryRuntime;
  /** Push/pull/PRINT queries, given the catalog and the services. */
  readonly transient: (state: CatalogState, services: KafkaServices) => TransientQueriesApi;
  readonly statistics?: SourceStatisticsProvider;
  readonly bootstrapServers?: string;
  /** Replication of the command topic and of topics the engine creates. */
  readonly replicas?: number;
  /** ksqlDB's ksql.server.command.response.timeout.ms. */
  readonly commandTimeoutMs?: number;
  readonly instanceId?: string;
}

export interface RunningKafkaEngine {
  readonly engine: KappaEngine;
  readonly state: CatalogState;
  readonly manager: PersistentQueryManager;
  readonly services: KafkaServices;
  /** The command topic as a log (the repair tool appends to it directly). */
  readonly commands: KafkaCommandLog;
  /** How long the start-up replay took and how many records it read. */
  readonly replay: { readonly records: number; readonly millis: number };
  stop(): Promise<void>;
}

/**
 * One engine instance over Kafka: the command topic is created or checked, replayed into the
 * catalog (health STARTING until then, so the API answers 50302), then followed; persistent
 * queries start once the replay is complete; health becomes RUNNING, or DEGRADED while a record
 * cannot be read or applied.
 */
export async function startKafkaEngine(options: KafkaEngineOptions): Promise<RunningKafkaEngine> {
  const { log, health } = options;
  health.setServerStatus('STARTING');
  const services = await createKafkaServices(options.kafka, {
    serviceId: options.serviceId,
    log,
    ...(options.replicas !== undefined ? { replicas: options.replicas } : {}),
    ...(options.instanceId !== undefined ? { instanceId: options.instanceId } : {}),
    ...(options.commandTimeoutMs !== undefined ? { commandTimeoutMs: options.commandTimeoutMs } : {}),
  });
  const state = new CatalogState();
  const manager = new PersistentQueryManager(
    state,
    options.runtime(state),
    log.child({ component: 'queries' }),
  );
  const commandLog = new KafkaCommandLog(services.commandReader, services.commandWriter, state, log);
  const replay = await commandLog.start().catch(async (error: unknown) => {
    await services.close();
    throw error;
  });
  const report = (): void => {
    const degraded = state.degraded;
    if (degraded) log.error('engine DEGRADED', { offset: degraded.offset, reason: degraded.reason });
    health.setServerStatus(degraded ? 'DEGRADED' : 'RUNNING', degraded?.reason);
  };
  state.onDegradedChange(report);
  manager.startAll();
  const transient = options.transient(state, services);
  const engineServices: EngineServices = {
    topics: services.topics,
    commands: commandLog,
    writer: services.records,
    clock: { now: () => Date.now() },
    ...(options.statistics ? { statistics: options.statistics } : {}),
  };
  const engine = new KappaEngine({
    state,
    services: engineServices,
    options: {
      serviceId: options.serviceId,
      ...(options.replicas !== undefined ? { defaultReplicas: options.replicas } : {}),
      serverProperties: serverProperties({
        serviceId: options.serviceId,
        ...(options.bootstrapServers ? { bootstrapServers: options.bootstrapServers } : {}),
        ...(options.replicas !== undefined ? { replicas: options.replicas } : {}),
      }),
      ...(options.commandTimeoutMs !== undefined ? { commandTimeoutMs: options.commandTimeoutMs } : {}),
    },
    health,
    transient,
    log,
  });
  report();
  return {
    engine,
    state,
    manager,
    services,
    commands: commandLog,
    replay,
    stop: async () => {
      await Promise.all(transient.list().map((q) => q.close().catch(() => {})));
      await services.close();
    },
  };
}

/**
 * Starts the engine, retrying while Kafka is unreachable (the API meanwhile answers 50302). A
 * command topic that cannot be used (wrong partition count) is fatal: retrying cannot fix it.
 */
export async function startKafkaEngineWhenReachable(
  options: KafkaEngineOptions,
  retry: { readonly delayMs?: number; readonly stopped?: () => boolean } = {},
): Promise<RunningKafkaEngine> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startKafkaEngine(options);
    } catch (error) {
      if (error instanceof CommandTopicError || retry.stopped?.()) throw error;
      options.log.warn('cannot start the engine yet (is Kafka reachable?); retrying', { attempt, error });
      await new Promise((r) => setTimeout(r, retry.delayMs ?? 2000));
    }
  }
}
