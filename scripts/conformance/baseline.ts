import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { countFile, type FileResult } from './run-suite';

/**
 * The committed per-file passed counts (scripts/conformance/baseline.json). A drop in any file is a
 * regression to explain; a rise is progress to record with --update-baseline.
 */
const baselineSchema = z.object({
  comment: z.string().optional(),
  files: z.record(z.string(), z.number().int().nonnegative()),
});
export type Baseline = z.infer<typeof baselineSchema>;

const COMMENT =
  'Per-file passed counts of `npm run conformance`. A drop fails `npm test`; record progress with `npm run conformance -- --update-baseline`.';

export function readBaseline(file: string): Baseline | undefined {
  if (!existsSync(file)) return undefined;
  return baselineSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** The new baseline: this run's counts, keeping entries of files this run did not cover. */
export function updatedBaseline(previous: Baseline | undefined, results: readonly FileResult[]): Baseline {
  const files: Record<string, number> = { ...previous?.files };
  for (const r of results) files[r.file] = countFile(r).passed;
  const sorted: Record<string, number> = {};
  for (const k of Object.keys(files).sort()) sorted[k] = files[k] ?? 0;
  return { comment: COMMENT, files: sorted };
}

export function writeBaseline(file: string, baseline: Baseline): void {
  writeFileSync(file, `${JSON.stringify(baseline, null, 2)}\n`);
}

export interface BaselineCheck {
  readonly regressions: readonly string[];
  readonly improvements: readonly string[];
}

/** Compares the files this run covered with the baseline. */
export function checkBaseline(baseline: Baseline, results: readonly FileResult[]): BaselineCheck {
  const regressions: string[] = [];
  const improvements: string[] = [];
  for (const r of results) {
    const before = baseline.files[r.file] ?? 0;
    const now = countFile(r).passed;
    if (now < before) regressions.push(`${r.file}: ${now} passed, baseline ${before} (−${before - now})`);
    else if (now > before)
      improvements.push(`${r.file}: ${now} passed, baseline ${before} (+${now - before})`);
  }
  return { regressions, improvements };
}
