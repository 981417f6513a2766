import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from './args';

describe('parseArgs', () => {
  it('reads flags, values and paths', () => {
    const o = parseArgs([
      '--kafka',
      '--filter',
      'joins - .*',
      '--json',
      'out.json',
      '-v',
      '--jobs',
      '0',
      'a.json',
      'dir',
    ]);
    expect(o).toMatchObject({
      kafka: true,
      rest: false,
      json: 'out.json',
      verbose: true,
      jobs: 0,
      paths: ['a.json', 'dir'],
    });
    expect(o.filter?.test('joins - inner')).toBe(true);
  });

  it('defaults to a measurement run over every file', () => {
    const o = parseArgs([]);
    expect(o).toMatchObject({ checkBaseline: false, updateBaseline: false, paths: [], timeoutMs: 10000 });
    expect(o.jobs).toBeGreaterThan(0);
  });

  it('rejects unknown options, missing values, bad regexes and contradictory baseline flags', () => {
    expect(() => parseArgs(['--nope'])).toThrow(UsageError);
    expect(() => parseArgs(['--json'])).toThrow(/needs a value/);
    expect(() => parseArgs(['--filter', '('])).toThrow(/invalid regex/);
    expect(() => parseArgs(['--jobs', '-1'])).toThrow(/integer/);
    expect(() => parseArgs(['--check-baseline', '--update-baseline'])).toThrow(UsageError);
    expect(() => parseArgs(['--check-baseline', '--filter', 'x'])).toThrow(/baseline/);
  });
});
