import type { Kafka } from 'kafkajs';
import type { CatalogState } from '../../../server/engine/catalog-state';
import { EngineHealth } from '../../../server/engine/health';
import { startKafkaEngineWhenReachable, type KafkaEngineOptions } from '../../../server/engine/kafka-engine';
import type { KappaEngine } from '../../../server/engine/kappa-engine';
import { TransientQueries } from '../../../server/engine/queries/transient-queries';
import { ClusterProbe } from '../../../server/kafka/cluster-probe';
import { KafkaQueryRuntime } from '../../../server/kafka/runtime/kafka-query-runtime';
import { KafkaRecordSource } from '../../../server/kafka/runtime/kafka-record-source';
import { TopicAdmin } from '../../../server/kafka/topic-admin';
import { silentLogger } from '../../../server/log/logger';
import type { DriverProcessingError } from '../../../server/testing/driver-api';

/** One case's engine: the product's engine over the broker, with its own service id and catalog. */
export interface CaseEngine {
  readonly serviceId: string;
  readonly engine: KappaEngine;
  readonly state: CatalogState;
  readonly runtime: KafkaQueryRuntime;
  /** Bad records the persistent queries skipped, as the driver reports them. */
  readonly errors: readonly DriverProcessingError[];
  stop(): Promise<void>;
}

/**
 * Starts the engine as server/main.ts composes it (command topic, catalog replay, KafkaQueryRuntime,
 * transient queries over KafkaRecordSource), minus HTTP and the store. A service id per case gives
 * each case its own command topic, catalog, consumer groups and internal topics, so cases with the
 * same stream names run side by side on one broker.
 */
export async function startCaseEngine(
  kafka: Kafka,
  bootstrap: string,
  serviceId: string,
  startTimeoutMs = 15_000,
): Promise<CaseEngine> {
  const errors: DriverProcessingError[] = [];
  const admin = new TopicAdmin(kafka);
  const runtime = new KafkaQueryRuntime(kafka, admin, serviceId, silentLogger, (queryId, e) =>
    errors.push({ queryId, kind: e.kind, message: e.message }),
  );
  const health = new EngineHealth(new ClusterProbe(kafka, 60_000), serviceId, bootstrap);
  try {
    // Retried as server/main.ts retries it: a KRaft broker may not serve the new command topic yet.
    const deadline = Date.now() + startTimeoutMs;
    const options: KafkaEngineOptions = {
      kafka,
      serviceId,
      log: silentLogger,
      health,
      bootstrapServers: bootstrap,
      runtime: () => runtime,
      transient: (state, services) =>
        new TransientQueries(
          state,
          new KafkaRecordSource(kafka, services.admin, `_kappa-${serviceId}_transient_`, silentLogger),
          { now: () => Date.now() },
          { maxPushQueries: 10, defaultOffsetReset: 'earliest' },
        ),
    };
    const running = await startKafkaEngineWhenReachable(options, {
      delayMs: 200,
      stopped: () => Date.now() > deadline,
    }).catch((e: unknown) => {
      throw new Error(`the engine did not start: ${e instanceof Error ? e.message : String(e)}`, {
        cause: e,
      });
    });
    return {
      serviceId,
      engine: running.engine,
      state: running.state,
      runtime,
      errors,
      stop: async () => {
        await runtime.stopAll().catch(() => {});
        await running.stop().catch(() => {});
        await admin.close().catch(() => {});
      },
    };
  } catch (e) {
    await admin.close().catch(() => {});
    throw e;
  }
}
