import os from 'node:os';

/** Command-line options of `npm run conformance -- [options] [paths…]`. */
export interface Options {
  readonly kafka: boolean;
  readonly rest: boolean;
  readonly json?: string;
  readonly filter?: RegExp;
  readonly verbose: boolean;
  readonly checkBaseline: boolean;
  readonly updateBaseline: boolean;
  /** Worker threads; 0 runs cases in the main thread (no hard timeout). With --kafka: cases in flight. */
  readonly jobs: number;
  /** Whether --jobs was given (--kafka has its own default). */
  readonly jobsGiven: boolean;
  readonly timeoutMs: number;
  readonly paths: readonly string[];
  readonly help: boolean;
}

export const USAGE = `usage: npm run conformance -- [options] [paths…]

Runs ksqlDB's query-validation tests (default: ../shared/ksqldb-qtt/query-validation-tests,
or KAPPA_QTT_DIR) through the deterministic in-process driver. A path is a QTT file or folder;
a bare file name is looked up in the default folder.

  --kafka             run the same cases end to end through a real broker
                      (KAFKA_BOOTSTRAP_SERVERS, else an embedded one started for the run)
  --rest              run the REST cases (rest-query-validation-tests) against a live server
  --filter <regex>    run only cases whose full name matches
  --json <file>       write per-file and per-case results as JSON
  --verbose           print every case, not only failures
  --check-baseline    exit 1 if a file passes fewer cases than scripts/conformance/baseline.json
  --update-baseline   record this run's per-file passed counts in the baseline
  --jobs <n>          worker threads (default: CPUs - 1, at most 8; 0 = in the main thread);
                      with --kafka, cases in flight (default 8)
  --timeout <ms>      per-case time limit (default 10000); with --kafka, how long to wait for the
                      queries to catch up (plus 100 ms per input, at most twice this)`;

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function defaultJobs(): number {
  return Math.max(1, Math.min(8, os.availableParallelism() - 1));
}

export function parseArgs(argv: readonly string[]): Options {
  const paths: string[] = [];
  let kafka = false;
  let rest = false;
  let json: string | undefined;
  let filter: RegExp | undefined;
  let verbose = false;
  let checkBaseline = false;
  let updateBaseline = false;
  let jobs = defaultJobs();
  let jobsGiven = false;
  let timeoutMs = 10_000;
  let help = false;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    const count = (min: number): number => {
      const v = value();
      const n = Number(v);
      if (!Number.isInteger(n) || n < min)
        throw new UsageError(`${arg} needs an integer ≥ ${min}, got '${v}'`);
      return n;
    };
    switch (arg) {
      case '--kafka':
        kafka = true;
        break;
      case '--rest':
        rest = true;
        break;
      case '--json':
        json = value();
        break;
      case '--filter': {
        const source = value();
        try {
          filter = new RegExp(source);
        } catch (e) {
          throw new UsageError(`--filter: invalid regex: ${e instanceof Error ? e.message : String(e)}`);
        }
        break;
      }
      case '--verbose':
      case '-v':
        verbose = true;
        break;
      case '--check-baseline':
        checkBaseline = true;
        break;
      case '--update-baseline':
        updateBaseline = true;
        break;
      case '--jobs':
        jobs = count(0);
        jobsGiven = true;
        break;
      case '--timeout':
        timeoutMs = count(1);
        break;
      case '--help':
      case '-h':
        help = true;
        break;
      default:
        if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
        paths.push(arg);
    }
  }
  if (checkBaseline && updateBaseline)
    throw new UsageError('--check-baseline and --update-baseline exclude each other');
  if (filter && (checkBaseline || updateBaseline)) {
    throw new UsageError(
      '--filter runs part of a file, so it cannot be compared with or recorded as the baseline',
    );
  }
  return {
    kafka,
    rest,
    json,
    filter,
    verbose,
    checkBaseline,
    updateBaseline,
    jobs,
    jobsGiven,
    timeoutMs,
    paths,
    help,
  };
}
