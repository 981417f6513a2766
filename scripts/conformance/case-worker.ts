/**
 * Worker-thread entry: runs the cases the pool sends, one at a time. Running cases in workers is
 * what makes the per-case timeout real — the pool can terminate a worker stuck in a synchronous
 * loop, which no timer in the same thread could interrupt.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { z } from 'zod';
import { createExecutor, type CaseExecutor } from './case-executor';
import { loadFile } from './load-files';
import { oneLine } from './expected-error';
import { describeError, failed, messageCategory, type CaseOutcome } from './outcome';
import type { QttCase } from './qtt-case';

const data = z.object({ executor: z.enum(['driver', 'kafka']) }).parse(workerData);
const request = z.object({ id: z.number(), path: z.string(), index: z.number() });

const files = new Map<string, QttCase[]>();
// Loaded before the pool starts the clock on this worker's first case.
const executor: Promise<CaseExecutor> = createExecutor(data.executor);
executor.then(
  () => parentPort?.postMessage({ ready: true }),
  () => parentPort?.postMessage({ ready: true }), // each case will report the load error
);

async function runOne(path: string, index: number): Promise<CaseOutcome> {
  let cases = files.get(path);
  if (cases === undefined) {
    const loaded = loadFile(path);
    if (!loaded.ok) return failed('runner error', loaded.error);
    cases = loaded.cases;
    files.set(path, cases);
  }
  const testCase = cases[index];
  if (testCase === undefined) return failed('runner error', `no case #${index} in ${path}`);
  return (await executor).run(testCase);
}

parentPort?.on('message', (message: unknown) => {
  const { id, path, index } = request.parse(message);
  runOne(path, index).then(
    (outcome) => parentPort?.postMessage({ id, outcome }),
    (e: unknown) => {
      // Mostly: the engine itself failed to load (a syntax error mid-edit), for every case alike.
      const message = oneLine(describeError(e));
      parentPort?.postMessage({ id, outcome: failed('runner error', message, messageCategory(message)) });
    },
  );
});
