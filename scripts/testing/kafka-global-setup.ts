/**
 * Vitest global setup for integration tests: one real broker per test run. With
 * KAFKA_BOOTSTRAP_SERVERS set (e.g. by scripts/test-all.ts, or a developer's own cluster) it starts
 * nothing. Tests use unique topic names, so one broker serves them all.
 */
import type { TestProject } from 'vitest/node';
import { startBroker, type RunningBroker } from '../kafka/broker';

let broker: RunningBroker | undefined;

export async function setup(project: TestProject): Promise<void> {
  let bootstrap = process.env.KAFKA_BOOTSTRAP_SERVERS;
  if (!bootstrap) {
    broker = await startBroker({ ephemeral: true, log: (line) => console.log(`[kafka] ${line}`) });
    bootstrap = broker.bootstrapServers;
    process.env.KAFKA_BOOTSTRAP_SERVERS = bootstrap;
  }
  project.provide('kafkaBootstrapServers', bootstrap);
}

export async function teardown(): Promise<void> {
  await broker?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    kafkaBootstrapServers: string;
  }
}
