import type { CaseOutcome } from './outcome';
import type { QttCase } from './qtt-case';

/**
 * Where cases run: the deterministic in-process driver (`driver-executor.ts`, in worker threads),
 * or end to end through a real broker (`kafka/kafka-executor.ts`, `--kafka`, in the main thread
 * through `kafka/kafka-runner.ts`). Both judge with the same pieces (record encoding, output
 * comparison, post-conditions) through `run-case.ts`.
 */
export interface CaseExecutor {
  readonly name: string;
  /** Runs and judges one case. Never throws: an unexpected error is a failed outcome. */
  run(testCase: QttCase): Promise<CaseOutcome>;
}

export type ExecutorKind = 'driver' | 'kafka';

/**
 * Why an executor cannot run yet, or undefined when it can. Checked before any case runs, so an
 * unavailable mode fails at once with one clear line instead of thousands of failures.
 */
export function executorUnavailable(kind: ExecutorKind): string | undefined {
  switch (kind) {
    case 'driver':
    case 'kafka':
      return undefined;
  }
}

/**
 * Builds a driver executor (for worker threads); kept behind a dynamic import so workers load only
 * what they use. Kafka cases share one broker and client in the main thread: `KafkaRunner`.
 */
export async function createExecutor(kind: ExecutorKind): Promise<CaseExecutor> {
  if (kind === 'kafka') throw new Error('--kafka cases run in the main thread through KafkaRunner');
  const { DriverExecutor } = await import('./driver-executor');
  const { TestDriver } = await import('../../server/testing/test-driver');
  return new DriverExecutor((properties) => new TestDriver({ properties }));
}
