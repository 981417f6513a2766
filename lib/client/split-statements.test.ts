import { describe, expect, it } from 'vitest';
import { positionAt, splitStatements, statementAt } from './split-statements';

describe('splitStatements', () => {
  it('splits at top-level semicolons with exact offsets', () => {
    const script = "CREATE STREAM a (x INT) WITH (kafka_topic='a;b');\n\n  SELECT * FROM a EMIT CHANGES;";
    const parts = splitStatements(script);
    expect(parts.map((p) => p.text)).toEqual([
      "CREATE STREAM a (x INT) WITH (kafka_topic='a;b');",
      'SELECT * FROM a EMIT CHANGES;',
    ]);
    for (const p of parts) expect(script.slice(p.start, p.end)).toBe(p.text);
  });

  it('ignores semicolons in comments, quoted names and doubled quotes', () => {
    const script = "-- one; two\nSELECT 'it''s;' AS `a;b` /* x; */ FROM t;\n/* only a comment; */";
    expect(splitStatements(script).map((p) => p.text)).toEqual([
      "-- one; two\nSELECT 'it''s;' AS `a;b` /* x; */ FROM t;",
    ]);
  });

  it('keeps a last statement without a semicolon and drops blank ones', () => {
    expect(splitStatements(';;\n SHOW STREAMS').map((p) => p.text)).toEqual(['SHOW STREAMS']);
    expect(splitStatements('   ')).toEqual([]);
  });

  it('finds the statement at the cursor', () => {
    const parts = splitStatements('SHOW STREAMS;\nSHOW TABLES;\n');
    expect(statementAt(parts, 3)?.text).toBe('SHOW STREAMS;');
    expect(statementAt(parts, 13)?.text).toBe('SHOW STREAMS;');
    expect(statementAt(parts, 15)?.text).toBe('SHOW TABLES;');
    expect(statementAt(parts, 27)?.text).toBe('SHOW TABLES;');
  });
});

describe('positionAt', () => {
  it('gives 1-based lines and columns', () => {
    expect(positionAt('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(positionAt('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});
