import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { repoRoot } from '../lib/paths';

export interface SuiteResult {
  readonly name: string;
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly exitCode: number;
  readonly seconds: number;
}

/** Runs a command with inherited output; resolves with its exit code. */
export function run(
  command: string,
  args: readonly string[],
  env: Record<string, string | undefined> = {},
): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code) => resolve(code ?? 1));
    child.on('error', () => resolve(1));
  });
}

interface VitestJson {
  numPassedTests?: number;
  numFailedTests?: number;
  numPendingTests?: number;
  numTodoTests?: number;
}

export function readVitestJson(file: string): Pick<SuiteResult, 'passed' | 'failed' | 'skipped'> | undefined {
  if (!fs.existsSync(file)) return undefined;
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as VitestJson;
  return {
    passed: data.numPassedTests ?? 0,
    failed: data.numFailedTests ?? 0,
    skipped: (data.numPendingTests ?? 0) + (data.numTodoTests ?? 0),
  };
}

interface PlaywrightJson {
  stats?: { expected?: number; unexpected?: number; skipped?: number; flaky?: number };
}

export function readPlaywrightJson(
  file: string,
): Pick<SuiteResult, 'passed' | 'failed' | 'skipped'> | undefined {
  if (!fs.existsSync(file)) return undefined;
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as PlaywrightJson;
  return {
    passed: (data.stats?.expected ?? 0) + (data.stats?.flaky ?? 0),
    failed: data.stats?.unexpected ?? 0,
    skipped: data.stats?.skipped ?? 0,
  };
}
