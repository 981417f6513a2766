import { messageCategory } from './outcome';
import { countFile, type Counts, type FileResult } from './run-suite';

/**
 * The text report: one line per file, then each failure (name and first difference, one line),
 * skip reasons with counts and the most common failure causes. The caller prints `totalsLine` last:
 * CI and `npm test` read it.
 */
export function totalsLine(c: Counts): string {
  return `conformance: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`;
}

export const FILE_COLUMN = 44;

export function fileLine(r: FileResult): string {
  const name = r.file.padEnd(FILE_COLUMN);
  if (r.loadError !== undefined) return `${name} cannot be read: ${r.loadError}`;
  const c = countFile(r);
  return `${name} ${String(c.passed).padStart(4)} passed ${String(c.failed).padStart(4)} failed ${String(c.skipped).padStart(4)} skipped`;
}

/** Per-case lines for --verbose. */
export function caseLines(r: FileResult): string[] {
  return r.cases.map((c) => {
    const o = c.outcome;
    if (o.status === 'passed') return `  ✓ ${c.name}`;
    if (o.status === 'failed') return `  ✗ ${c.name}: ${o.reason}`;
    return `  - ${c.name}: skipped, ${o.reason}`;
  });
}

export function summaryLines(
  results: readonly FileResult[],
  options: { readonly topCauses?: number } = {},
): string[] {
  const lines: string[] = [];
  const failures = results.flatMap((r) => r.cases.filter((c) => c.outcome.status === 'failed'));
  if (failures.length > 0) {
    lines.push('', `Failures (${failures.length}):`);
    for (const c of failures)
      if (c.outcome.status === 'failed') lines.push(`  ✗ ${c.name}: ${c.outcome.reason}`);
  }

  const skips = tally(
    results.flatMap((r) =>
      r.cases.flatMap((c) => (c.outcome.status === 'skipped' ? [skipGroup(c.outcome.reason)] : [])),
    ),
  );
  if (skips.length > 0) {
    lines.push('', 'Skipped, by reason:');
    for (const [reason, n] of skips) lines.push(`  ${String(n).padStart(5)}  ${reason}`);
  }

  const kinds = tally(failures.flatMap((c) => (c.outcome.status === 'failed' ? [c.outcome.kind] : [])));
  if (kinds.length > 0) {
    lines.push('', 'Failures by kind:');
    for (const [kind, n] of kinds) lines.push(`  ${String(n).padStart(5)}  ${kind}`);
  }

  const ran = results.flatMap((r) => r.cases.filter((c) => c.outcome.status !== 'skipped'));
  const first = failures[0]?.outcome;
  if (
    ran.length > 0 &&
    failures.length === ran.length &&
    kinds.length === 1 &&
    first?.status === 'failed' &&
    first.kind === 'runner error'
  ) {
    lines.push(
      '',
      `EVERY CASE FAILED TO RUN — the engine or the runner is broken, not the semantics: ${first.reason}`,
    );
  }

  const causes = tally(failures.flatMap((c) => (c.outcome.status === 'failed' ? [c.outcome.category] : [])));
  if (causes.length > 0) {
    const top = options.topCauses ?? 40;
    lines.push(
      '',
      `Most common failure causes${causes.length > top ? ` (top ${top} of ${causes.length})` : ''}:`,
    );
    for (const [cause, n] of causes.slice(0, top)) lines.push(`  ${String(n).padStart(5)}  ${cause}`);
  }
  return lines;
}

/** Skip reasons name topics and properties; group them by kind. */
function skipGroup(reason: string): string {
  return messageCategory(reason);
}

/** Counts equal strings, most frequent first (ties by name, so the report is stable). */
export function tally(items: readonly string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const i of items) counts.set(i, (counts.get(i) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
