import type { CaseRunner } from './case-runner';
import { classify } from './classify';
import type { LoadedFile } from './load-files';
import type { CaseOutcome } from './outcome';

export interface CaseResult {
  readonly name: string;
  readonly outcome: CaseOutcome;
}

export interface FileResult {
  readonly file: string;
  readonly loadError?: string;
  readonly cases: readonly CaseResult[];
}

export interface Counts {
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
}

/**
 * Runs the files' cases on `runner` (all queued at once, so a worker pool stays busy) and reports
 * each file, in the given order, as soon as it and every file before it are done.
 */
export async function runSuite(
  files: readonly LoadedFile[],
  runner: CaseRunner,
  options: { readonly filter?: RegExp; readonly onFile?: (r: FileResult) => void },
): Promise<FileResult[]> {
  const pending = files.map(async (f): Promise<FileResult> => {
    if (!f.ok) return { file: f.file, loadError: f.error, cases: [] };
    const selected = f.cases.filter((c) => options.filter === undefined || options.filter.test(c.name));
    const cases = await Promise.all(
      selected.map(async (c): Promise<CaseResult> => {
        const verdict = classify(c);
        const outcome: CaseOutcome = verdict.run
          ? await runner.run(f.path, c)
          : { status: 'skipped', reason: verdict.reason };
        return { name: c.name, outcome };
      }),
    );
    return { file: f.file, cases };
  });
  const results: FileResult[] = [];
  for (const p of pending) {
    const r = await p;
    results.push(r);
    options.onFile?.(r);
  }
  return results;
}

export function countFile(r: FileResult): Counts {
  let passed = 0;
  let failed = r.loadError === undefined ? 0 : 1;
  let skipped = 0;
  for (const c of r.cases) {
    if (c.outcome.status === 'passed') passed++;
    else if (c.outcome.status === 'failed') failed++;
    else skipped++;
  }
  return { passed, failed, skipped };
}

export function countAll(results: readonly FileResult[]): Counts {
  return results.map(countFile).reduce(
    (a, b) => ({
      passed: a.passed + b.passed,
      failed: a.failed + b.failed,
      skipped: a.skipped + b.skipped,
    }),
    { passed: 0, failed: 0, skipped: 0 },
  );
}
