import { describe, expect, it } from 'vitest';
import { MAX_DEPTH } from './parser';
import { parseExpression, parseScript } from './script';

function messages(sql: string): string[] {
  return parseScript(sql).diagnostics.map((d) => d.message);
}

describe('syntax errors', () => {
  it('names the position, what was expected and what was found', () => {
    const [d] = parseScript('SELECT * FROM s WHERE x > 1 FOO BAR').diagnostics;
    expect(d?.message).toMatch(
      /^Syntax Error at line 1, column 29: expected one of .*GROUP, .*EMIT.* but found 'FOO'$/,
    );
    expect(d?.message).toContain("';'");
    expect(d?.code).toBe(40001);
    expect(d?.severity).toBe('error');
    expect(d?.span).toEqual({ start: 28, end: 31, startLine: 1, startColumn: 29, endLine: 1, endColumn: 32 });
  });

  it("words numeric overflow as ksqlDB does, at the literal's first character", () => {
    expect(messages('SELECT 9223372036854775808 FROM s')[0]).toBe(
      'Syntax Error at line 1, column 8: Invalid numeric literal: 9223372036854775808',
    );
    expect(messages('SELECT -1.8E308 FROM s')[0]).toBe(
      'Syntax Error at line 1, column 8: Number overflows DOUBLE: -1.8E308',
    );
  });

  it('quotes the token as the user wrote it', () => {
    expect(messages('SELECT * FROM s wherex y')[0]).toMatch(/but found 'y'$/);
  });

  it.each([
    ['SELECT * FROM s WHERE', /expected an expression but found end of input/],
    ['SELECT a, FROM s', /expected one of '\*', an expression but found 'FROM'/],
    ['SELEC * FROM s', /expected one of SELECT, CREATE, INSERT, .* but found 'SELEC'/],
    [
      'SELECT * FROM s WINDOW TUMBLING (SIZE 5 FOO)',
      /expected one of MILLISECONDS, SECONDS, MINUTES, HOURS, DAYS but found 'FOO'/,
    ],
    ["CREATE STREAM s (a INT) WITH (kafka_topic='x') AS SELECT * FROM t", /expected ';' but found 'AS'/],
    ["CREATE SOURCE STREAM s WITH (kafka_topic='x') AS SELECT * FROM t", /expected ';' but found 'AS'/],
    ['SELECT * FROM s LIMIT - x', /expected an integer but found '-'/],
    ["SELECT 'abc FROM s", /unterminated string literal/],
    ['SELECT `abc FROM s', /unterminated quoted identifier/],
    ['SELECT a /* open', /unterminated comment/],
    ['SELECT a # b FROM s', /unexpected character '#'/],
    ['DROP STREAM', /expected one of IF, a stream name but found end of input/],
    ['SHOW ALL STREAMS', /expected TOPICS but found 'STREAMS'/],
    ['INSERT INTO t (a, b VALUES (1)', /expected one of ',', '\)' but found 'VALUES'/],
    ['CREATE TABLE t (id INT PRIMARY, v STRING)', /expected KEY but found ','/],
  ])('%s', (sql, pattern) => {
    expect(messages(sql)[0]).toMatch(pattern);
  });

  it('reports every broken statement of a script with its line and column, and keeps the good ones', () => {
    const script = [
      'SELECT a FROM;',
      'SHOW STREAMS;',
      'SELECT * FROM t',
      '  WHERE x = ;',
      'DROP TABLE t;',
      'CREATE STREAM x (a INT',
    ].join('\n');
    const r = parseScript(script);
    expect(r.statements.map((s) => s.kind)).toEqual(['ShowStmt', 'DropSourceStmt']);
    expect(r.diagnostics.map((d) => [d.span.startLine, d.span.startColumn])).toEqual([
      [1, 14],
      [4, 13],
      [6, 23],
    ]);
    expect(r.diagnostics[1]?.message).toBe(
      "Syntax Error at line 4, column 13: expected an expression but found ';'",
    );
  });

  it('recovers at the next semicolon after an error token', () => {
    const r = parseScript("SELECT 'a' 'b' FROM s; SHOW TOPICS");
    expect(r.diagnostics).toHaveLength(1);
    expect(r.statements.map((s) => s.kind)).toEqual(['ShowStmt']);
  });

  it('requires a semicolon between statements', () => {
    expect(messages('SHOW STREAMS SHOW TABLES')[0]).toMatch(/expected one of EXTENDED, ';' but found 'SHOW'/);
  });

  it('turns excessive nesting into a clean diagnostic', () => {
    const deep = `${'('.repeat(5000)}1${')'.repeat(5000)}`;
    const r = parseScript(`SELECT ${deep} FROM s`);
    expect(r.diagnostics[0]?.message).toMatch(/nesting is too deep/);
    const chain = Array.from({ length: 20000 }, (_, i) => `a${i}`).join(' + ');
    expect(parseExpression(chain).diagnostics[0]?.message).toMatch(/nesting is too deep/);
    const nots = `${'NOT '.repeat(MAX_DEPTH + 5)}a`;
    expect(parseExpression(nots).diagnostics[0]?.message).toMatch(/nesting is too deep/);
    expect(messages(`${'EXPLAIN '.repeat(10000)}SHOW STREAMS`)[0]).toMatch(/nesting is too deep/);
    expect(
      parseScript(`SELECT CAST(a AS ${'ARRAY<'.repeat(3000)}INT${'>'.repeat(3000)}) FROM s`).diagnostics[0]
        ?.message,
    ).toMatch(/nesting is too deep/);
  });

  it('accepts nesting below the limit', () => {
    const n = 60;
    expect(parseExpression(`${'('.repeat(n)}1${')'.repeat(n)}`).diagnostics).toEqual([]);
    expect(parseExpression(Array.from({ length: 150 }, (_, i) => `a${i}`).join(' OR ')).diagnostics).toEqual(
      [],
    );
  });
});
