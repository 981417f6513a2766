import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultQttDir, loadFile, parseQttFile, resolveFiles } from './load-files';
import { writeJson } from './qtt-json';

const FIXTURES = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures');

describe('loadFile', () => {
  it('reads a commented QTT file, expands variants and keeps numbers exact', () => {
    const loaded = loadFile(path.join(FIXTURES, 'sample-qtt.json'));
    if (!loaded.ok) throw new Error(loaded.error);
    expect(loaded.cases.map((c) => c.name)).toEqual([
      'sample-qtt - copy through - JSON',
      'sample-qtt - copy through - AVRO',
      'sample-qtt - rejects nonsense',
      'sample-qtt - switched off',
    ]);
    const [json] = loaded.cases;
    expect(json?.properties).toEqual({ 'some.number': '4', 'some.flag': 'true', 'some.text': 'x' });
    expect(json?.statements[0]).toContain("value_format='JSON'");
    expect(writeJson(json?.inputs[0]?.key ?? null)).toBe('9223372036854775807');
    expect(writeJson(json?.inputs[0]?.value ?? null)).toBe('{"AMOUNT":123456789012345678.12}');
    expect(json?.inputs[0]?.timestamp).toBe(10);
    expect(loaded.cases[2]?.expectedException?.message).toBe('Syntax');
  });

  it('reports a file that is not QTT instead of throwing', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'qtt-'));
    writeFileSync(path.join(dir, 'bad.json'), '{"tests": [{"name": 1}]}');
    const loaded = loadFile(path.join(dir, 'bad.json'));
    expect(loaded.ok).toBe(false);
    expect(!loaded.ok && loaded.error).toMatch(/^not a QTT file: tests\.0\.name/);
    expect(() => parseQttFile('x.json', '{"tests": [')).toThrow();
  });
});

describe('resolveFiles / defaultQttDir', () => {
  it('expands folders, and finds bare names in the default folder', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'qtt-'));
    for (const f of ['b.json', 'a.json', 'notes.txt']) writeFileSync(path.join(dir, f), '{}');
    expect(resolveFiles([dir], dir).map((f) => path.basename(f))).toEqual(['a.json', 'b.json']);
    expect(resolveFiles(['b.json'], dir)).toEqual([path.join(dir, 'b.json')]);
    expect(resolveFiles([], dir)).toHaveLength(2);
    expect(() => resolveFiles(['missing.json'], dir)).toThrow(/no such file/);
  });

  it('takes KAPPA_QTT_DIR as the ksqldb-qtt root or as the test folder itself', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'qtt-'));
    expect(defaultQttDir({ KAPPA_QTT_DIR: root })).toBe(root);
    mkdirSync(path.join(root, 'query-validation-tests'));
    expect(defaultQttDir({ KAPPA_QTT_DIR: root })).toBe(path.join(root, 'query-validation-tests'));
  });
});
