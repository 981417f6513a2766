import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { countAll, countFile, type FileResult } from './run-suite';

/** `--json <file>`: the run as data, per file and per case, for CI dashboards and diffs. */
export function jsonReport(
  results: readonly FileResult[],
  meta: { readonly executor: string; readonly dir: string },
) {
  return {
    executor: meta.executor,
    dir: meta.dir,
    totals: countAll(results),
    files: results.map((r) => ({
      file: r.file,
      ...countFile(r),
      ...(r.loadError === undefined ? {} : { loadError: r.loadError }),
      cases: r.cases.map((c) => ({ name: c.name, ...c.outcome })),
    })),
  };
}

export function writeJsonReport(file: string, report: ReturnType<typeof jsonReport>): void {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}
