/**
 * `npm run conformance -- [--kafka] [--rest] [paths…]`: runs ksqlDB's query-validation tests and
 * prints per-file counts, each failure's first difference, skip reasons, the most common failure
 * causes, and last `conformance: P passed, F failed, S skipped`. Exits 0 whatever the failures (it
 * is a measurement) unless --check-baseline finds a file that passes fewer cases than recorded.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, USAGE, UsageError, type Options } from './args';
import { checkBaseline, readBaseline, updatedBaseline, writeBaseline } from './baseline';
import { executorUnavailable, type ExecutorKind } from './case-executor';
import { InlineRunner, WorkerPool, type CaseRunner } from './case-runner';
import { KafkaRunner } from './kafka/kafka-runner';
import { jsonReport, writeJsonReport } from './json-report';
import { defaultQttDir, loadFile, resolveFiles } from './load-files';
import { caseLines, fileLine, summaryLines, totalsLine } from './report';
import { runRestSuite } from './rest/rest-suite';
import { countAll, runSuite } from './run-suite';

const BASELINE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'baseline.json');

async function main(argv: readonly string[]): Promise<number> {
  const options = parseArgs(argv);
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  if (options.rest) return runRestSuite(options);
  const kind: ExecutorKind = options.kafka ? 'kafka' : 'driver';
  const unavailable = executorUnavailable(kind);
  if (unavailable !== undefined) {
    console.error(`conformance: ${unavailable}`);
    return 2;
  }

  const dir = defaultQttDir();
  const files = resolveFiles(options.paths, dir).map(loadFile);
  const started = Date.now();
  const runner = createRunner(kind, options);
  const workers =
    kind === 'kafka' ? `${kafkaConcurrency(options)} cases at a time` : `${options.jobs || 'no'} workers`;
  console.log(
    `conformance: ${files.length} files from ${options.paths.length ? options.paths.join(' ') : dir} (${kind}, ${workers})`,
  );
  const results = await runSuite(files, runner, {
    filter: options.filter,
    onFile: (r) => {
      console.log(fileLine(r));
      if (options.verbose) for (const l of caseLines(r)) console.log(l);
    },
  }).finally(() => runner.close());

  if (options.json) writeJsonReport(options.json, jsonReport(results, { executor: kind, dir }));
  for (const l of summaryLines(results)) console.log(l);
  const exit = baselineStep(options, results);
  console.log(`\n(${((Date.now() - started) / 1000).toFixed(1)} s)`);
  console.log(totalsLine(countAll(results)));
  return exit;
}

/** Default cases in flight with --kafka: they mostly wait on the broker, so more than the CPUs. */
const KAFKA_CONCURRENCY = 8;

function kafkaConcurrency(options: Options): number {
  return options.jobsGiven ? Math.max(1, options.jobs) : KAFKA_CONCURRENCY;
}

function createRunner(kind: ExecutorKind, options: Options): CaseRunner {
  if (kind === 'kafka') {
    const runner = new KafkaRunner(kafkaConcurrency(options), options.timeoutMs);
    // Ctrl-C must not leave the embedded broker running (it would also die with this process's
    // stdin, but only once the process is gone).
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        console.error(`\nconformance: ${signal}, stopping the broker`);
        void runner.close().finally(() => process.exit(130));
      });
    }
    // Every case's engine runs in this process: an engine bug that leaves a promise rejection
    // unhandled would end the whole run. Report it (it is a finding) and go on.
    process.on('unhandledRejection', (error: unknown) => {
      console.error('conformance: unhandled rejection in the engine (a bug; the run goes on):', error);
    });
    return runner;
  }
  return options.jobs === 0 ? new InlineRunner(kind) : new WorkerPool(options.jobs, kind, options.timeoutMs);
}

/** --check-baseline / --update-baseline; returns the exit code. */
function baselineStep(options: Options, results: Parameters<typeof checkBaseline>[1]): number {
  if (options.updateBaseline) {
    writeBaseline(BASELINE, updatedBaseline(readBaseline(BASELINE), results));
    console.log(`\nbaseline: written to ${path.relative(process.cwd(), BASELINE)}`);
    return 0;
  }
  if (!options.checkBaseline) return 0;
  const baseline = readBaseline(BASELINE);
  if (baseline === undefined) {
    console.log('\nbaseline: none recorded yet (run with --update-baseline); nothing to check');
    return 0;
  }
  const { regressions, improvements } = checkBaseline(baseline, results);
  if (improvements.length > 0) {
    console.log(
      `\nbaseline: ${improvements.length} files pass more cases than recorded (record with --update-baseline):`,
    );
    for (const l of improvements) console.log(`  ${l}`);
  }
  if (regressions.length === 0) {
    console.log('\nbaseline: no file passes fewer cases than recorded');
    return 0;
  }
  console.log(`\nbaseline: REGRESSION in ${regressions.length} files:`);
  for (const l of regressions) console.log(`  ${l}`);
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof UsageError) console.error(`conformance: ${e.message}\n\n${USAGE}`);
    else console.error('conformance: failed:', e);
    process.exit(2);
  },
);
