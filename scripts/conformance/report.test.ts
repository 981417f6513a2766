import { describe, expect, it } from 'vitest';
import { failed } from './outcome';
import { fileLine, summaryLines, tally, totalsLine } from './report';
import { countAll, type FileResult } from './run-suite';

const results: FileResult[] = [
  {
    file: 'project-filter.json',
    cases: [
      { name: 'project-filter - a', outcome: { status: 'passed' } },
      {
        name: 'project-filter - b',
        outcome: failed('wrong output', 'OUT[0] value.A: expected 1, got 2', 'value'),
      },
      {
        name: 'project-filter - c',
        outcome: { status: 'skipped', reason: 'needs a Schema Registry: statement uses AVRO' },
      },
    ],
  },
  { file: 'broken.json', loadError: 'not a QTT file: tests: required', cases: [] },
];

describe('report', () => {
  it('ends with the exact totals line', () => {
    expect(totalsLine({ passed: 3, failed: 2, skipped: 1 })).toBe(
      'conformance: 3 passed, 2 failed, 1 skipped',
    );
    expect(totalsLine(countAll(results))).toBe('conformance: 1 passed, 2 failed, 1 skipped');
  });

  it('prints one aligned line per file, and load errors', () => {
    expect(fileLine(results[0] as FileResult)).toMatch(
      /^project-filter\.json +1 passed +1 failed +1 skipped$/,
    );
    expect(fileLine(results[1] as FileResult)).toMatch(/^broken\.json +cannot be read: not a QTT file/);
  });

  it('lists failures with their first difference, skip reasons and causes', () => {
    const text = summaryLines(results).join('\n');
    expect(text).toContain('  ✗ project-filter - b: OUT[0] value.A: expected 1, got 2');
    expect(text).toMatch(/Skipped, by reason:\n +1 {2}needs a Schema Registry: statement uses AVRO/);
    expect(text).toMatch(/Failures by kind:\n +1 {2}wrong output/);
    expect(text).toMatch(/Most common failure causes:\n +1 {2}wrong output: value/);
  });

  it('says so loudly when no case could run at all', () => {
    const broken: FileResult[] = [
      { file: 'a.json', cases: [{ name: 'a', outcome: failed('runner error', 'SyntaxError: x') }] },
    ];
    expect(summaryLines(broken).join('\n')).toContain(
      'EVERY CASE FAILED TO RUN — the engine or the runner is broken',
    );
  });

  it('tallies most frequent first, ties by name', () => {
    expect(tally(['b', 'a', 'b', 'c', 'a', 'b'])).toEqual([
      ['b', 3],
      ['a', 2],
      ['c', 1],
    ]);
  });
});
