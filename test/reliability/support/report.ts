/**
 * The suite's numbers (failover time, time to ready, RSS over time, event-loop delay…): printed
 * and appended to test-results/reliability.jsonl, so that a CI log and a local run both show them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../../scripts/lib/paths';
import { rssMiB, type ProbeSample } from './engine-process';

const file = path.join(repoRoot, 'test-results', 'reliability.jsonl');

export function report(scenario: string, numbers: Record<string, unknown>): void {
  console.log(`[reliability] ${scenario}: ${JSON.stringify(numbers)}`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.appendFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), scenario, ...numbers })}\n`);
}

/** RSS in MiB at about `points` evenly spaced samples, for "RSS over time". */
export function rssSeries(samples: readonly ProbeSample[], points = 10): { s: number; mib: number }[] {
  if (samples.length === 0) return [];
  const first = samples[0]!.at;
  const step = Math.max(1, Math.floor(samples.length / points));
  const picked = samples.filter((_, i) => i % step === 0 || i === samples.length - 1);
  return picked.map((s) => ({ s: Math.round((s.at - first) / 1000), mib: rssMiB(s) }));
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}
