import type { TestDriverApi } from '../../server/testing/driver-api';
import type { CaseExecutor } from './case-executor';
import { failed, type CaseOutcome } from './outcome';
import type { QttCase } from './qtt-case';
import { runCase } from './run-case';

export type DriverFactory = (properties: Record<string, string>) => TestDriverApi;

/**
 * Runs cases through the deterministic in-process driver, a fresh driver per case (with the case's
 * properties), as ksqlDB builds a fresh engine per case. `timeoutMs` bounds cases that hang on a
 * promise; a case stuck in a synchronous loop is stopped by the worker pool instead.
 */
export class DriverExecutor implements CaseExecutor {
  readonly name = 'driver';

  constructor(
    private readonly factory: DriverFactory,
    private readonly timeoutMs = 10_000,
  ) {}

  async run(testCase: QttCase): Promise<CaseOutcome> {
    let driver: TestDriverApi;
    try {
      driver = this.factory({ ...testCase.properties });
    } catch (e) {
      return failed('runner error', `driver could not start: ${e instanceof Error ? e.message : String(e)}`);
    }
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<CaseOutcome>((resolve) => {
      timer = setTimeout(
        () => resolve(failed('timeout', `timed out after ${this.timeoutMs} ms`)),
        this.timeoutMs,
      );
    });
    try {
      return await Promise.race([runCase(driver, testCase), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
