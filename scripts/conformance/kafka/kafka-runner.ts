import type { CaseRunner } from '../case-runner';
import { oneLine } from '../expected-error';
import { describeError, failed, messageCategory, type CaseOutcome } from '../outcome';
import type { QttCase } from '../qtt-case';
import { KafkaExecutor } from './kafka-executor';
import { openKafkaEnv, type KafkaEnv } from './kafka-env';

/**
 * Runs --kafka cases in this thread, `concurrency` at a time: a case spends nearly all its time
 * waiting for the broker, so one thread keeps many in flight, and every engine shares the
 * process's kafkajs client. The broker is opened on the first case and closed by `close` (also on
 * Ctrl-C: main.ts calls it from its signal handler).
 */
export class KafkaRunner implements CaseRunner {
  private env: Promise<KafkaEnv> | undefined;
  private executor: Promise<KafkaExecutor> | undefined;
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly concurrency: number,
    private readonly settleMs: number,
    private readonly log: (line: string) => void = (line) => console.log(`[kafka] ${line}`),
  ) {}

  async run(_path: string, testCase: QttCase): Promise<CaseOutcome> {
    await this.slot();
    try {
      this.env ??= openKafkaEnv(this.log);
      this.executor ??= this.env.then((env) => new KafkaExecutor(env, this.settleMs));
      return await (await this.executor).run(testCase);
    } catch (e) {
      const message = oneLine(describeError(e));
      return failed('runner error', `runner error: ${message}`, messageCategory(message));
    } finally {
      this.release();
    }
  }

  async close(): Promise<void> {
    const env = await this.env?.catch(() => undefined);
    await env?.close();
  }

  private async slot(): Promise<void> {
    if (this.active < this.concurrency) this.active++;
    else await new Promise<void>((r) => this.waiting.push(r)); // the releasing case hands its slot over
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}
