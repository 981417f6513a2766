import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import { createExecutor, type CaseExecutor, type ExecutorKind } from './case-executor';
import { oneLine } from './expected-error';
import { describeError, FAILURE_KINDS, failed, messageCategory, type CaseOutcome } from './outcome';
import type { QttCase } from './qtt-case';

/** Runs cases of loaded files; `path` lets a worker load the same file itself. */
export interface CaseRunner {
  run(path: string, testCase: QttCase): Promise<CaseOutcome>;
  close(): Promise<void>;
}

/** Runs in this thread (`--jobs 0`): simplest to debug, but a synchronous hang hangs the run. */
export class InlineRunner implements CaseRunner {
  private executor: Promise<CaseExecutor> | undefined;
  constructor(private readonly kind: ExecutorKind) {}

  async run(_path: string, testCase: QttCase): Promise<CaseOutcome> {
    this.executor ??= createExecutor(this.kind);
    try {
      return await (await this.executor).run(testCase);
    } catch (e) {
      const message = oneLine(describeError(e));
      return failed('runner error', message, messageCategory(message));
    }
  }

  async close(): Promise<void> {}
}

const outcomeSchema = z.union([
  z.object({ status: z.literal('passed') }),
  z.object({
    status: z.literal('failed'),
    kind: z.enum(FAILURE_KINDS),
    category: z.string(),
    reason: z.string(),
  }),
  z.object({ status: z.literal('skipped'), reason: z.string() }),
]);
const replySchema = z.union([
  z.object({ ready: z.literal(true) }),
  z.object({ id: z.number(), outcome: outcomeSchema }),
]);

interface Job {
  readonly id: number;
  readonly path: string;
  readonly index: number;
  readonly resolve: (o: CaseOutcome) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job?: Job;
  timer?: NodeJS.Timeout;
}

/**
 * A pool of worker threads with a hard per-case timeout: a worker that does not answer in time is
 * terminated and replaced, and its case fails as a timeout. The clock starts once the worker has
 * loaded the engine, so start-up cost never counts against a case.
 */
export class WorkerPool implements CaseRunner {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 0;
  private closed = false;
  /** Set when a worker dies before it is ready: respawning would only loop, so cases fail. */
  private broken: string | undefined;

  constructor(
    size: number,
    private readonly kind: ExecutorKind,
    private readonly timeoutMs: number,
    /** The worker module; tests substitute a scripted one. */
    private readonly entry = new URL('./case-worker.ts', import.meta.url).href,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  run(path: string, testCase: QttCase): Promise<CaseOutcome> {
    if (this.broken !== undefined) return Promise.resolve(failed('runner error', this.broken));
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, path, index: testCase.index, resolve });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    // tsx's loader hooks do not reach a worker's entry module on Node 20, so the worker boots from a
    // tiny script that registers tsx first, then imports the TypeScript entry.
    const tsx = import.meta.resolve('tsx/esm/api');
    const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(this.entry)}); })`;
    const worker = new Worker(boot, { eval: true, workerData: { executor: this.kind } });
    const slot: Slot = { worker, ready: false };
    worker.on('message', (m: unknown) => this.onReply(slot, m));
    worker.on('error', (e) => this.onDeath(slot, `worker crashed: ${e.message}`));
    worker.on('exit', (code) => this.onDeath(slot, `worker exited with code ${code}`));
    return slot;
  }

  private onReply(slot: Slot, message: unknown): void {
    const reply = replySchema.parse(message);
    if ('ready' in reply) {
      slot.ready = true;
    } else if (slot.job?.id === reply.id) {
      clearTimeout(slot.timer);
      const job = slot.job;
      slot.job = undefined;
      job.resolve(reply.outcome);
    }
    this.pump();
  }

  private onDeath(slot: Slot, why: string): void {
    if (this.closed || !this.slots.includes(slot)) return;
    if (!slot.ready) {
      this.broken = `worker could not start: ${why}`;
      this.slots.splice(this.slots.indexOf(slot), 1);
      for (const job of this.queue.splice(0)) job.resolve(failed('runner error', this.broken));
      return;
    }
    this.replace(slot, failed('runner error', why));
  }

  /** Ends a slot's worker, fails its case with `outcome`, and puts a fresh worker in its place. */
  private replace(slot: Slot, outcome: CaseOutcome): void {
    clearTimeout(slot.timer);
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots[i] = this.spawn();
    void slot.worker.terminate();
    slot.job?.resolve(outcome);
    this.pump();
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (!slot.ready || slot.job !== undefined) continue;
      const job = this.queue.shift();
      if (job === undefined) return;
      slot.job = job;
      slot.timer = setTimeout(
        () =>
          this.replace(slot, failed('timeout', `timed out after ${this.timeoutMs} ms (worker terminated)`)),
        this.timeoutMs,
      );
      slot.worker.postMessage({ id: job.id, path: job.path, index: job.index });
    }
  }
}
