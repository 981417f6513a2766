import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startLiveServer } from '../../../server/api/rest/test-support/live-engine';
import { loadQttFile, runRestQttCase, type J } from '../../../server/api/rest/test-support/rest-qtt-case';
import type { Options } from '../args';
import { openKafkaEnv, type KafkaEnv } from '../kafka/kafka-env';
import { qttRoot, resolveFiles } from '../load-files';

/** Cases in flight: each runs its own engine (command topic, queries) against the shared broker. */
const REST_CONCURRENCY = 3;

/** Formats that need a Schema Registry, which Kappa does not have; their cases are skipped. */
const REGISTRY_FORMATS = new Set(['AVRO', 'PROTOBUF', 'PROTOBUF_NOSR', 'JSON_SR']);

export function restQttDir(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const root = qttRoot(env);
  const nested = path.join(root, 'rest-query-validation-tests');
  return existsSync(nested) ? nested : root;
}

interface RestCase {
  readonly file: string;
  readonly name: string;
  readonly body: J;
  /** Why the case cannot run here, if it cannot. */
  readonly skip?: string;
}

type Result = { readonly status: 'passed' | 'skipped' } | { readonly status: 'failed'; readonly why: string };

/**
 * `npm run conformance -- --rest`: ksqlDB's REST query-validation cases, each against a fresh
 * engine (its own service id and command topic) served over the REST API, as ksqlDB's
 * RestTestExecutor runs them. Prints per-file counts, every failure, and the totals.
 */
export async function runRestSuite(options: Options): Promise<number> {
  const dir = restQttDir();
  const cases = resolveFiles(options.paths, dir).flatMap(expandFile);
  const selected = options.filter
    ? cases.filter((c) => options.filter!.test(`${c.file} :: ${c.name}`))
    : cases;
  const concurrency = options.jobsGiven ? Math.max(1, options.jobs) : REST_CONCURRENCY;
  console.log(`conformance --rest: ${selected.length} cases from ${dir} (${concurrency} at a time)`);
  const started = Date.now();
  const env = await openKafkaEnv((line) => console.log(`[kafka] ${line}`));
  const stop = (): void => void env.close().finally(() => process.exit(130));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const results = new Map<RestCase, Result>();
  try {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < selected.length) {
        const n = next++;
        const c = selected[n]!;
        results.set(c, await runOne(env, c, n));
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    await env.close();
  }

  const totals = { passed: 0, failed: 0, skipped: 0 };
  const byFile = new Map<string, RestCase[]>();
  for (const c of selected) byFile.set(c.file, [...(byFile.get(c.file) ?? []), c]);
  const report: J[] = [];
  for (const [file, fileCases] of byFile) {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const c of fileCases) {
      const r = results.get(c)!;
      counts[r.status]++;
      totals[r.status]++;
      report.push({ file, name: c.name, ...r });
      if (r.status === 'failed') console.log(`  FAIL ${c.name}: ${r.why.slice(0, 400)}`);
      else if (options.verbose) console.log(`  ${r.status === 'passed' ? 'PASS' : 'SKIP'} ${c.name}`);
    }
    console.log(`${file}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  }
  if (options.json)
    writeFileSync(options.json, `${JSON.stringify({ executor: 'rest', dir, cases: report }, null, 2)}\n`);
  const runnable = totals.passed + totals.failed;
  const rate = runnable === 0 ? 0 : (100 * totals.passed) / runnable;
  console.log(`\n(${((Date.now() - started) / 1000).toFixed(1)} s)`);
  console.log(
    `conformance --rest: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped (${rate.toFixed(1)}% of runnable cases pass)`,
  );
  return 0;
}

/** A file's cases, one per format for cases that list several (`{FORMAT}` substituted). */
function expandFile(file: string): RestCase[] {
  const name = path.basename(file);
  return loadQttFile(file).tests.flatMap((base): RestCase[] => {
    const formats = (base.format as string[] | undefined) ?? [undefined];
    return formats.map((format) => {
      const body = format ? (JSON.parse(JSON.stringify(base).replaceAll('{FORMAT}', format)) as J) : base;
      const caseName = `${String(base.name)}${format ? ` [${format}]` : ''}`;
      const statements = (body.statements as string[] | undefined) ?? [];
      const registry =
        (format !== undefined && REGISTRY_FORMATS.has(format)) ||
        'testPullWithProtoFormat' in base ||
        statements.some((s) => registryFormatIn(s));
      return { file: name, name: caseName, body, ...(registry ? { skip: 'needs a Schema Registry' } : {}) };
    });
  });
}

/** Whether a statement names a Schema Registry format (`format='AVRO'`, `value_format='PROTOBUF'`…). */
function registryFormatIn(statement: string): boolean {
  for (const m of statement.matchAll(/\b(?:key_|value_)?format\s*=\s*'([^']*)'/gi)) {
    if (REGISTRY_FORMATS.has(m[1]!.toUpperCase())) return true;
  }
  return false;
}

async function runOne(env: KafkaEnv, c: RestCase, n: number): Promise<Result> {
  if (c.skip) return { status: 'skipped' };
  const id = `rq${env.runId}_${n}`;
  let live;
  try {
    live = await startLiveServer(env.bootstrap, id);
  } catch (e) {
    return { status: 'failed', why: `engine did not start: ${String(e)}` };
  }
  try {
    const outcome = await runRestQttCase(live, c.body, `${id}_`);
    if (outcome === undefined) return { status: 'passed' };
    if (outcome.startsWith('SKIP')) return { status: 'skipped' };
    return { status: 'failed', why: outcome };
  } catch (e) {
    return { status: 'failed', why: `threw ${String(e)}` };
  } finally {
    await live.stop().catch(() => undefined);
  }
}
