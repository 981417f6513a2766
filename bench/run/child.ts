/**
 * Runs one job in a child Node process (tsx loader) and collects its measurement. The child is
 * always stopped and reaped before this returns, also on timeouts and errors.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Job } from '../worker/jobs';
import { isChildMessage, type RunMeasurement } from '../worker/protocol';
import { processCpuSeconds } from './proc-stat';

const workerEntry = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'worker', 'main.ts');

export interface ChildOptions {
  readonly timeoutMs: number;
  /** The broker's pid, to charge it its CPU seconds during the measured window. */
  readonly brokerPid?: number;
  /** Extra node flags, e.g. --cpu-prof. */
  readonly nodeFlags?: readonly string[];
}

export interface ChildOutcome {
  readonly result?: RunMeasurement;
  readonly error?: string;
  /** The first processing errors the child reported (the run still counts). */
  readonly warnings: readonly string[];
  readonly brokerCpuSeconds?: number;
}

export async function runChild(job: Job, options: ChildOptions): Promise<ChildOutcome> {
  const child = spawn(
    process.execPath,
    [...(options.nodeFlags ?? []), '--import', 'tsx', workerEntry, JSON.stringify(job)],
    { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const warnings: string[] = [];
  let brokerAtStart: number | undefined;
  let brokerAtEnd: number | undefined;
  const outcome = await new Promise<ChildOutcome>((resolve) => {
    const timer = setTimeout(
      () => resolve({ error: `timed out after ${options.timeoutMs / 1000} s`, warnings }),
      options.timeoutMs,
    );
    child.on('message', (m: unknown) => {
      if (!isChildMessage(m)) return;
      if (m.type === 'started') brokerAtStart = processCpuSeconds(options.brokerPid);
      if (m.type === 'error') {
        // Setup failures end the run; processing errors are counted and the run goes on.
        if (m.message.startsWith('processing error')) {
          if (warnings.length < 5) warnings.push(m.message);
          return;
        }
        clearTimeout(timer);
        resolve({ error: m.message, warnings });
      }
      if (m.type === 'done') {
        brokerAtEnd = processCpuSeconds(options.brokerPid);
        clearTimeout(timer);
        resolve({
          result: m.result,
          warnings,
          ...(brokerAtStart !== undefined && brokerAtEnd !== undefined
            ? { brokerCpuSeconds: brokerAtEnd - brokerAtStart }
            : {}),
        });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ error: `worker exited with code ${code}`, warnings });
    });
  });
  if (child.exitCode === null) {
    child.send({ type: 'stop' }, () => undefined);
    const killer = setTimeout(() => child.kill('SIGKILL'), 8000);
    await exited;
    clearTimeout(killer);
  }
  return outcome;
}
