/**
 * `npm test`: the whole suite, as CI runs it — typecheck, lint, unit tests, integration tests
 * against a real Kafka broker (and SQLite/PostgreSQL), the ksqlDB conformance run, and the
 * Playwright tests in Chromium. One broker is started for all suites unless
 * KAFKA_BOOTSTRAP_SERVERS is set. Ends with the line `N passed, N failed`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { startBroker, type RunningBroker } from './kafka/broker';
import { repoRoot } from './lib/paths';
import { MissingPrerequisiteError } from './lib/prerequisites';
import { testPostgres } from './testing/postgres';
import { readPlaywrightJson, readVitestJson, run, type SuiteResult } from './testing/suites';

const resultsDir = path.join(repoRoot, 'test-results');
const npx = (bin: string): string => path.join(repoRoot, 'node_modules', '.bin', bin);

async function step(
  name: string,
  body: () => Promise<Omit<SuiteResult, 'name' | 'seconds'>>,
): Promise<SuiteResult> {
  console.log(`\n━━━ ${name} ━━━`);
  const started = Date.now();
  const result = await body();
  return { name, ...result, seconds: Math.round((Date.now() - started) / 1000) };
}

/** A pass/fail step (typecheck, lint) counts as one test. */
async function gate(command: string, args: string[]): Promise<Omit<SuiteResult, 'name' | 'seconds'>> {
  const exitCode = await run(command, args);
  return { passed: exitCode === 0 ? 1 : 0, failed: exitCode === 0 ? 0 : 1, skipped: 0, exitCode };
}

async function vitest(
  project: string,
  env: Record<string, string | undefined>,
): Promise<Omit<SuiteResult, 'name' | 'seconds'>> {
  const out = path.join(resultsDir, `vitest-${project}.json`);
  fs.rmSync(out, { force: true });
  const exitCode = await run(
    npx('vitest'),
    ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile=${out}`],
    env,
  );
  const counts = readVitestJson(out) ?? { passed: 0, failed: 1, skipped: 0 };
  return { ...counts, failed: exitCode !== 0 && counts.failed === 0 ? 1 : counts.failed, exitCode };
}

/** The QTT case totals, shown beside the gate (the gate itself counts as one test). */
function conformanceTotals(file: string): string {
  try {
    const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      totals?: { passed: number; failed: number; skipped: number };
    };
    const t = raw.totals;
    return t ? ` [cases: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped]` : '';
  } catch {
    return '';
  }
}

async function main(): Promise<number> {
  fs.mkdirSync(resultsDir, { recursive: true });
  let broker: RunningBroker | undefined;
  const onSignal = (): void => void broker?.stop().then(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const postgres = await testPostgres();
  const results: SuiteResult[] = [];
  try {
    let bootstrap = process.env.KAFKA_BOOTSTRAP_SERVERS;
    if (!bootstrap) {
      broker = await startBroker({ ephemeral: true, log: (l) => console.log(`[kafka] ${l}`) });
      bootstrap = broker.bootstrapServers;
    }
    const env = {
      KAFKA_BOOTSTRAP_SERVERS: bootstrap,
      KAPPA_TEST_POSTGRES_URL: postgres?.url,
      NEXT_TELEMETRY_DISABLED: '1',
    };
    if (!postgres)
      console.log('No PostgreSQL server found on 127.0.0.1:5432: the store runs its tests on SQLite only.');

    results.push(await step('typecheck', () => gate(npx('tsc'), ['-p', 'tsconfig.json', '--noEmit'])));
    results.push(await step('lint', () => gate('npm', ['run', '--silent', 'lint'])));
    results.push(await step('unit tests', () => vitest('unit', env)));
    results.push(await step('integration tests (real Kafka)', () => vitest('integration', env)));
    if (fs.existsSync(path.join(repoRoot, 'scripts', 'conformance', 'main.ts'))) {
      const report = path.join(resultsDir, 'conformance.json');
      const conformance = await step('ksqlDB conformance (baseline gate)', () =>
        gate(npx('tsx'), ['scripts/conformance/main.ts', '--check-baseline', '--json', report]),
      );
      results.push({ ...conformance, name: `${conformance.name}${conformanceTotals(report)}` });
    }
    results.push(
      await step('e2e (Chromium)', async () => {
        const out = path.join(resultsDir, 'e2e-results.json');
        fs.rmSync(out, { force: true });
        const exitCode = await run(npx('playwright'), ['test'], env);
        const counts = readPlaywrightJson(out) ?? { passed: 0, failed: 1, skipped: 0 };
        return { ...counts, failed: exitCode !== 0 && counts.failed === 0 ? 1 : counts.failed, exitCode };
      }),
    );
  } finally {
    await broker?.stop();
    await postgres?.drop().catch(() => {});
  }

  console.log('\n━━━ summary ━━━');
  for (const r of results) {
    console.log(
      `${r.failed === 0 ? '✓' : '✗'} ${r.name.padEnd(34)} ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped (${r.seconds} s)`,
    );
  }
  const passed = results.reduce((s, r) => s + r.passed, 0);
  const failed = results.reduce((s, r) => s + r.failed, 0);
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof MissingPrerequisiteError ? error.message : error);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
