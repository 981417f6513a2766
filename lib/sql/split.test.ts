import { describe, expect, it } from 'vitest';
import { splitSql, stripComments } from './split';

const texts = (input: string): string[] => splitSql(input).statements.map((s) => s.text);

describe('splitSql', () => {
  it('splits at semicolons and reports what is left', () => {
    const r = splitSql('SHOW STREAMS; SELECT 1 ;\n  SELECT * FROM');
    expect(r.statements).toEqual([
      { text: 'SHOW STREAMS', start: 0 },
      { text: 'SELECT 1', start: 14 },
    ]);
    expect(r.rest).toBe('\n  SELECT * FROM');
    expect(r.open).toBe(false);
  });

  it('ignores semicolons in strings, quoted identifiers and comments', () => {
    expect(texts("INSERT INTO s VALUES ('a;b', 'it''s;');")).toEqual([
      "INSERT INTO s VALUES ('a;b', 'it''s;')",
    ]);
    expect(texts('SELECT `a;b`, "c;d" FROM s;')).toEqual(['SELECT `a;b`, "c;d" FROM s']);
    expect(texts('SELECT 1 -- not; the end\n FROM s; /* x; */')).toEqual([
      'SELECT 1 -- not; the end\n FROM s',
    ]);
  });

  it('keeps input open inside a string or block comment', () => {
    expect(splitSql("SELECT 'abc;").open).toBe(true);
    expect(splitSql('SELECT 1; /* comment;').open).toBe(true);
    expect(splitSql("SELECT 'abc;").rest).toBe("SELECT 'abc;");
  });

  it('treats comments and blanks after the last statement as nothing left', () => {
    expect(splitSql('SHOW TABLES; -- done\n').rest).toBe('');
    expect(splitSql(';;  ;').statements).toEqual([]);
  });
});

describe('stripComments', () => {
  it('removes comments outside quotes only', () => {
    expect(stripComments('exit -- bye')).toBe('exit ');
    expect(stripComments("SELECT '--x' /* y */ FROM s")).toBe("SELECT '--x'   FROM s");
  });
});
