import { defineConfig } from 'vitest/config';

// Two projects: `unit` (pure, fast, no network) and `integration` (a real Kafka broker, started once
// per run by the global setup unless KAFKA_BOOTSTRAP_SERVERS points at an existing cluster).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{server,lib,cli,scripts,bench,components,app}/**/*.test.{ts,tsx}'],
          exclude: ['**/*.int.test.ts', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['{server,lib,cli,scripts,bench,test}/**/*.int.test.ts'],
          environment: 'node',
          globalSetup: ['scripts/testing/kafka-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
