import type { Admin } from 'kafkajs';
import type { CaseExecutor } from '../case-executor';
import { oneLine } from '../expected-error';
import { describeError, failed, messageCategory, type CaseOutcome } from '../outcome';
import type { QttCase } from '../qtt-case';
import { runCaseOn } from '../run-case';
import { startCaseEngine, type CaseEngine } from './case-engine';
import type { KafkaEnv } from './kafka-env';
import { caseTopics, KafkaTarget } from './kafka-target';
import { namespaceCase, withoutPrefix } from './namespace';

/**
 * Runs each case end to end through the broker: a fresh engine per case (its own service id, so
 * its own command topic and catalog) and a topic prefix per case, judged by the same code as the
 * driver's cases. Waiting for the queries is bounded by `settleMs` plus a little per input; the
 * whole case by that plus `setupMs` (engine start, statements, reading). Topics are deleted after.
 */
export class KafkaExecutor implements CaseExecutor {
  readonly name = 'kafka';
  private next = 0;

  constructor(
    private readonly env: KafkaEnv,
    private readonly settleMs = 10_000,
    private readonly setupMs = 30_000,
  ) {}

  async run(testCase: QttCase): Promise<CaseOutcome> {
    const n = this.next++;
    const prefix = `qtt${this.env.runId}x${n}_`;
    const c = namespaceCase(testCase, prefix);
    const settle = Math.min(2 * this.settleMs, this.settleMs + 100 * c.inputs.length);
    // An admin per case: kafkajs keeps refreshing the metadata of every topic an admin has touched,
    // and once another case's topics are deleted a shared admin fails every request from then on.
    const admin = this.env.kafka.admin();
    let engine: CaseEngine | undefined;
    let target: KafkaTarget | undefined;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<CaseOutcome>((resolve) => {
      timer = setTimeout(
        () => resolve(failed('timeout', `timed out after ${settle + this.setupMs} ms`)),
        settle + this.setupMs,
      );
    });
    const work = async (): Promise<CaseOutcome> => {
      await admin.connect();
      engine = await startCaseEngine(this.env.kafka, this.env.bootstrap, prefix);
      target = new KafkaTarget({
        kafka: this.env.kafka,
        admin,
        engine,
        prefix,
        properties: c.properties,
        deadline: Date.now() + settle + 5_000,
      });
      return runCaseOn(target, c);
    };
    const running = work();
    try {
      const outcome = await Promise.race([running, timeout]);
      return unprefixedOutcome(outcome, prefix);
    } catch (e) {
      const message = oneLine(withoutPrefix(describeError(e), prefix));
      return failed('runner error', `runner error: ${message}`, messageCategory(message));
    } finally {
      clearTimeout(timer);
      // After a timeout the case is still running: let it reach a point where it can be stopped.
      await Promise.race([running.catch(() => {}), new Promise((r) => setTimeout(r, 15_000))]);
      await this.cleanUp(admin, prefix, engine, target);
    }
  }

  /** Stops the case's clients and deletes its topics, also when its engine never started. */
  private async cleanUp(
    admin: Admin,
    prefix: string,
    engine: CaseEngine | undefined,
    target: KafkaTarget | undefined,
  ): Promise<void> {
    await target?.close();
    await engine?.stop();
    const topics = await caseTopics(admin, prefix, prefix).catch(() => []);
    if (topics.length > 0) await admin.deleteTopics({ topics }).catch(() => {});
    await admin.disconnect().catch(() => {});
  }
}

function unprefixedOutcome(o: CaseOutcome, prefix: string): CaseOutcome {
  if (o.status !== 'failed') return o;
  return { ...o, reason: withoutPrefix(o.reason, prefix), category: withoutPrefix(o.category, prefix) };
}
