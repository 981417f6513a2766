import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseRunner } from './case-runner';
import { loadFile } from './load-files';
import { failed } from './outcome';
import { countAll, runSuite, type FileResult } from './run-suite';

const FIXTURE = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures', 'sample-qtt.json');

/** Passes "copy through", fails everything else; records what it was asked to run. */
class ScriptedRunner implements CaseRunner {
  readonly ran: string[] = [];
  async run(_path: string, c: { name: string }) {
    this.ran.push(c.name);
    return c.name.includes('copy through')
      ? { status: 'passed' as const }
      : failed('statement rejected', 'nope');
  }
  async close(): Promise<void> {}
}

describe('runSuite', () => {
  it('runs what classification lets through and reports files in order', async () => {
    const runner = new ScriptedRunner();
    const seen: string[] = [];
    const results = await runSuite([loadFile(FIXTURE), loadFile('/nonexistent/x.json')], runner, {
      onFile: (r: FileResult) => seen.push(r.file),
    });
    expect(runner.ran).toEqual(['sample-qtt - copy through - JSON', 'sample-qtt - rejects nonsense']);
    expect(seen).toEqual(['sample-qtt.json', 'x.json']);
    expect(countAll(results)).toEqual({ passed: 1, failed: 2, skipped: 2 });
    expect(results[0]?.cases.map((c) => c.outcome.status)).toEqual([
      'passed',
      'skipped',
      'failed',
      'skipped',
    ]);
  });

  it('runs only cases matching the filter', async () => {
    const runner = new ScriptedRunner();
    const results = await runSuite([loadFile(FIXTURE)], runner, { filter: /nonsense/ });
    expect(results[0]?.cases.map((c) => c.name)).toEqual(['sample-qtt - rejects nonsense']);
  });
});
