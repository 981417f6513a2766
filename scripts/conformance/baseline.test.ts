import { describe, expect, it } from 'vitest';
import { checkBaseline, updatedBaseline } from './baseline';
import type { FileResult } from './run-suite';

const file = (name: string, passed: number): FileResult => ({
  file: name,
  cases: Array.from({ length: passed }, (_, i) => ({
    name: `${name} ${i}`,
    outcome: { status: 'passed' as const },
  })),
});

describe('baseline', () => {
  it('flags files that pass fewer cases, and notes files that pass more', () => {
    const check = checkBaseline({ files: { 'a.json': 3, 'b.json': 1 } }, [
      file('a.json', 2),
      file('b.json', 4),
      file('new.json', 1),
    ]);
    expect(check.regressions).toEqual(['a.json: 2 passed, baseline 3 (−1)']);
    expect(check.improvements).toEqual([
      'b.json: 4 passed, baseline 1 (+3)',
      'new.json: 1 passed, baseline 0 (+1)',
    ]);
  });

  it('records this run, keeping files it did not cover, sorted', () => {
    const next = updatedBaseline({ files: { 'z.json': 5, 'a.json': 1 } }, [
      file('a.json', 2),
      file('m.json', 0),
    ]);
    expect(next.files).toEqual({ 'a.json': 2, 'm.json': 0, 'z.json': 5 });
    expect(Object.keys(next.files)).toEqual(['a.json', 'm.json', 'z.json']);
  });
});
