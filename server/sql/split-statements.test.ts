import { describe, expect, it } from 'vitest';
import { splitStatements } from './split-statements';

describe('splitStatements', () => {
  it('splits at semicolons outside strings, quoted names and comments', () => {
    const script = "SELECT ';' FROM `a;b`; -- c;\n/* d; */ SHOW STREAMS ;;\n  DROP TABLE t";
    const parts = splitStatements(script);
    expect(parts.map((p) => [p.text, p.terminated])).toEqual([
      ["SELECT ';' FROM `a;b`", true],
      ['SHOW STREAMS', true],
      ['DROP TABLE t', false],
    ]);
    expect(parts[2]?.span).toEqual({
      start: 56,
      end: 68,
      startLine: 3,
      startColumn: 3,
      endLine: 3,
      endColumn: 15,
    });
    for (const p of parts) expect(script.slice(p.span.start, p.span.end)).toBe(p.text);
  });

  it('keeps an unterminated string to the end', () => {
    expect(splitStatements("SELECT 'a; b").map((p) => p.text)).toEqual(["SELECT 'a; b"]);
  });

  it('returns nothing for blank or comment-only text', () => {
    expect(splitStatements('  -- x\n /* y */ ;')).toEqual([]);
  });
});
