import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Statement } from './ast';
import { formatStatement } from './format-statement';
import { parseScript } from './script';
import { loadCorpus, loadSqlTestFiles, qttDir } from './testing/qtt-corpus';
import { stripPositions } from './testing/strip';

/**
 * ksqlDB's own test statements, read from ../shared/ksqldb-qtt at run time (KAPPA_QTT_DIR
 * overrides). Every statement of every case that expects success must parse (goal ≥ 99%), and every
 * parsed statement must survive format → parse unchanged.
 */
describe(`ksqlDB QTT corpus (${qttDir()})`, () => {
  const corpus = loadCorpus();
  const parsed: Statement[] = [];

  it('parses at least 99% of the statements of positive cases', () => {
    const failures: string[] = [];
    for (const c of corpus) {
      const r = parseScript(c.sql);
      if (r.diagnostics.length === 0 && r.statements.length > 0) parsed.push(...r.statements);
      else
        failures.push(
          `  ${c.file} [${c.testName}]\n    ${c.sql}\n    → ${r.diagnostics.map((d) => d.message).join(' | ')}`,
        );
    }
    const ok = corpus.length - failures.length;
    console.log(
      `QTT corpus: ${ok}/${corpus.length} statements parse (${((100 * ok) / corpus.length).toFixed(2)}%)`,
    );
    if (failures.length > 0) console.log(`Failures:\n${failures.join('\n')}`);
    expect(corpus.length).toBeGreaterThan(1000);
    expect(ok / corpus.length).toBeGreaterThanOrEqual(0.99);
  });

  it('parses the sql-tests scripts, ASSERT statements included', () => {
    let ok = 0;
    const problems: string[] = [];
    for (const f of loadSqlTestFiles()) {
      const r = parseScript(f.text);
      ok += r.statements.length;
      parsed.push(...r.statements);
      for (const d of r.diagnostics) problems.push(`  ${f.file}: ${d.message}`);
    }
    console.log(
      `sql-tests: ${ok} statements parse, ${problems.length} errors${problems.length ? `\n${problems.join('\n')}` : ''}`,
    );
    expect(ok / (ok + problems.length)).toBeGreaterThanOrEqual(0.99);
  });

  it('round-trips every parsed statement through the formatter', () => {
    expect(parsed.length).toBeGreaterThan(1000);
    const failures: string[] = [];
    for (const s of parsed) {
      for (const multiline of [true, false]) {
        const text = formatStatement(s, { multiline });
        const again = parseScript(text);
        const same =
          again.statements.length === 1 &&
          isDeepStrictEqual(stripPositions(again.statements[0]), stripPositions(s));
        if (!same)
          failures.push(
            `  ${s.text}\n    → ${text}\n    ${again.diagnostics.map((d) => d.message).join(' | ')}`,
          );
      }
    }
    console.log(`round-trip: ${parsed.length - failures.length / 2}/${parsed.length} statements`);
    expect(failures).toEqual([]);
  });
});
