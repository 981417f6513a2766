import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../lib/contracts/diagnostics';
import { complete } from './completion';
import { formatStatement } from './format-statement';
import { parseScript } from './script';
import { EXAMPLES } from './testing/examples';
import { mutate, prng, randomChars, randomTokens } from './testing/fuzz-inputs';
import { stripPositions } from './testing/strip';

const RUNS = 100_000;

function checkDiagnostic(d: Diagnostic, text: string): string | undefined {
  const s = d.span;
  if (d.code !== 40001 || d.severity !== 'error') return `bad code/severity: ${d.code} ${d.severity}`;
  if (!(s.start >= 0 && s.start <= s.end && s.end <= text.length))
    return `span out of range: ${JSON.stringify(s)}`;
  if (s.startLine < 1 || s.startColumn < 1 || s.endLine < s.startLine)
    return `bad line/column: ${JSON.stringify(s)}`;
  if (/internal parser error|too complex/.test(d.message)) return d.message;
  if (!d.message.startsWith('Syntax Error at line ') && !d.message.startsWith('Undefined variable '))
    return d.message;
  return undefined;
}

describe('fuzz (seeded, deterministic)', () => {
  it(`yields only structured diagnostics for ${RUNS} random and mutated statements`, () => {
    const rnd = prng(0x6b617070);
    const problems: string[] = [];
    let parsedCount = 0;
    const started = Date.now();
    for (let i = 0; i < RUNS; i++) {
      const kind = i % 4;
      const text =
        kind === 0
          ? randomTokens(rnd)
          : kind === 1
            ? randomChars(rnd)
            : mutate(
                rnd,
                kind === 2
                  ? (EXAMPLES[i % EXAMPLES.length] ?? '')
                  : mutate(rnd, EXAMPLES[(i * 7) % EXAMPLES.length] ?? ''),
              );
      let r;
      try {
        r = parseScript(text, { variables: { v: 'x' } });
      } catch (e) {
        problems.push(`threw on ${JSON.stringify(text)}: ${String(e)}`);
        continue;
      }
      for (const d of r.diagnostics) {
        const bad = checkDiagnostic(d, text);
        if (bad) problems.push(`${JSON.stringify(text)}: ${bad}`);
      }
      // Whatever parses must also survive the formatter.
      for (const s of r.statements) {
        parsedCount++;
        const again = parseScript(formatStatement(s));
        if (
          again.statements.length !== 1 ||
          !isDeepStrictEqual(stripPositions(again.statements[0]), stripPositions(s))
        ) {
          problems.push(`round-trip failed for ${JSON.stringify(s.text)}`);
        }
      }
      if (i % 10 === 0) {
        try {
          complete(text, Math.floor(rnd() * (text.length + 1)), { sources: [], functions: [], types: [] });
        } catch (e) {
          problems.push(`complete threw on ${JSON.stringify(text)}: ${String(e)}`);
        }
      }
      if (problems.length > 20) break;
    }
    console.log(
      `fuzz: ${RUNS} inputs, ${parsedCount} statements parsed and round-tripped, ${Date.now() - started} ms`,
    );
    expect(problems).toEqual([]);
  }, 60_000);

  it('survives pathological nesting and sizes', () => {
    const inputs = [
      '('.repeat(100_000),
      `SELECT ${'['.repeat(50_000)}`,
      `SELECT ${'-'.repeat(3)}${' -'.repeat(50_000)} 1 FROM s`,
      `SELECT a${'->b'.repeat(20_000)} FROM s`,
      `SELECT a${'[1]'.repeat(20_000)} FROM s`,
      `SELECT ${'CASE WHEN a THEN '.repeat(5_000)}1 FROM s`,
      `SELECT f(${'x => '.repeat(5_000)}1) FROM s`,
      `SELECT ${'NOT '.repeat(50_000)}a FROM s`,
      `SELECT ${'ARRAY['.repeat(10_000)} FROM s`,
      ';'.repeat(100_000),
      "'".repeat(100_001),
      `SELECT ${Array.from({ length: 50_000 }, (_, i) => `c${i}`).join(', ')} FROM s`,
    ];
    for (const text of inputs) {
      const r = parseScript(text);
      for (const d of r.diagnostics) expect(checkDiagnostic(d, text)).toBeUndefined();
    }
  });
});
