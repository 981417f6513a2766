/**
 * Integration-test support: a full engine instance over a real broker, with a query runtime that
 * records what it was asked to run and no transient queries. Never used by product code.
 */
import { EngineHealth } from '../health';
import { ClusterProbe } from '../../kafka/cluster-probe';
import { createKafka } from '../../kafka/client';
import { silentLogger, type Logger } from '../../log/logger';
import type { PlannedQuery, QueryRuntime } from '../persistent-queries';
import { startKafkaEngine, type RunningKafkaEngine } from '../kafka-engine';

export class RecordingRuntime implements QueryRuntime {
  readonly running = new Set<string>();
  readonly started: string[] = [];

  start(planned: PlannedQuery): void {
    this.running.add(planned.query.id);
    this.started.push(planned.query.id);
  }

  stop(queryId: string): void {
    this.running.delete(queryId);
  }
}

export interface TestEngine extends RunningKafkaEngine {
  readonly health: EngineHealth;
  readonly runtime: RecordingRuntime;
}

export async function startTestEngine(
  bootstrap: string,
  serviceId: string,
  options: { log?: Logger; commandTimeoutMs?: number } = {},
): Promise<TestEngine> {
  const log = options.log ?? silentLogger;
  const kafka = createKafka({
    bootstrapServers: [bootstrap],
    clientId: `kappa-test-${serviceId}`,
    logger: log,
  });
  const health = new EngineHealth(new ClusterProbe(kafka, 60_000), serviceId, bootstrap);
  const runtime = new RecordingRuntime();
  const running = await startKafkaEngine({
    kafka,
    serviceId,
    log,
    health,
    runtime: () => runtime,
    transient: () => ({
      query: () => Promise.reject(new Error('no transient queries in this test engine')),
      close: async () => false,
      list: () => [],
    }),
    bootstrapServers: bootstrap,
    ...(options.commandTimeoutMs !== undefined ? { commandTimeoutMs: options.commandTimeoutMs } : {}),
  });
  return { ...running, health, runtime };
}

/** Polls until `check` returns true (or throws after `timeoutMs`). */
export async function eventually(
  check: () => boolean,
  timeoutMs = 5000,
  what = 'condition',
): Promise<number> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return Date.now() - started;
}
