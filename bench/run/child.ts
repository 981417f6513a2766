/**
 * Runs jobs in child Node processes (tsx loader) and collects their measurements. A child is
 * always stopped and reaped before its owner moves on, also on timeouts and errors.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Job } from '../worker/jobs';
import {
  isChildMessage,
  type ChildMessage,
  type ParentMessage,
  type RunMeasurement,
} from '../worker/protocol';
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

/** A running child: wait for its messages, ask it to report, stop it. */
export class ChildJob {
  private readonly child: ChildProcess;
  private readonly exited: Promise<void>;
  readonly warnings: string[] = [];
  private readonly listeners = new Set<(m: ChildMessage | { type: 'exit'; code: number | null }) => void>();
  private brokerAtStart: number | undefined;

  constructor(
    job: Job,
    private readonly options: Omit<ChildOptions, 'timeoutMs'>,
  ) {
    this.child = spawn(
      process.execPath,
      [...(options.nodeFlags ?? []), '--import', 'tsx', workerEntry, JSON.stringify(job)],
      { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
    );
    this.exited = new Promise((resolve) => this.child.once('exit', () => resolve()));
    this.child.on('message', (m: unknown) => {
      if (!isChildMessage(m)) return;
      if (m.type === 'started') this.brokerAtStart = processCpuSeconds(options.brokerPid);
      if (m.type === 'error' && m.message.startsWith('processing error')) {
        if (this.warnings.length < 5) this.warnings.push(m.message);
        return;
      }
      for (const l of this.listeners) l(m);
    });
    this.child.once('exit', (code) => {
      for (const l of this.listeners) l({ type: 'exit', code });
    });
  }

  /** Resolves on the first message of `type`; an error message or an exit rejects. */
  waitFor<T extends ChildMessage['type']>(
    type: T,
    timeoutMs: number,
  ): Promise<Extract<ChildMessage, { type: T }>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(new Error(`timed out after ${timeoutMs / 1000} s`));
      }, timeoutMs);
      const listener = (m: ChildMessage | { type: 'exit'; code: number | null }): void => {
        if (m.type !== type && m.type !== 'error' && m.type !== 'exit') return;
        clearTimeout(timer);
        this.listeners.delete(listener);
        if (m.type === 'error') reject(new Error(m.message));
        else if (m.type === 'exit') reject(new Error(`worker exited with code ${m.code}`));
        else resolve(m as Extract<ChildMessage, { type: T }>);
      };
      this.listeners.add(listener);
    });
  }

  send(message: ParentMessage): void {
    if (this.child.connected) this.child.send(message, () => undefined);
  }

  /** The broker's CPU seconds since the child's first batch. */
  brokerCpuSinceStart(): number | undefined {
    const now = processCpuSeconds(this.options.brokerPid);
    return now !== undefined && this.brokerAtStart !== undefined ? now - this.brokerAtStart : undefined;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.send({ type: 'stop' });
    const killer = setTimeout(() => this.child.kill('SIGKILL'), 8000);
    await this.exited;
    clearTimeout(killer);
  }
}

/** Runs a job to completion (its `done` message). */
export async function runChild(job: Job, options: ChildOptions): Promise<ChildOutcome> {
  const child = new ChildJob(job, options);
  try {
    const done = await child.waitFor('done', options.timeoutMs);
    const broker = child.brokerCpuSinceStart();
    return {
      result: done.result,
      warnings: child.warnings,
      ...(broker !== undefined ? { brokerCpuSeconds: broker } : {}),
    };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error), warnings: child.warnings };
  } finally {
    await child.stop();
  }
}
