import { describe, expect, it } from 'vitest';
import type { SelectStmt } from './ast';
import { diagnose, suggestEmitChangesFix } from './diagnose';
import { parseOk } from './testing/parse-ok';

function applyFix(sql: string): string {
  const q = parseOk(sql) as SelectStmt;
  const fix = suggestEmitChangesFix(q);
  if (!fix) throw new Error('no fix');
  const [edit] = fix.edits;
  if (!edit) throw new Error('no edit');
  return sql.slice(0, edit.span.start) + edit.text + sql.slice(edit.span.end);
}

describe('diagnose', () => {
  it('returns every syntax error of a script with code 40001', () => {
    const d = diagnose('SELECT FROM s;\nSHOW STREAMS;\nDROP TABLE;');
    expect(d.map((x) => [x.code, x.span.startLine])).toEqual([
      [40001, 1],
      [40001, 3],
    ]);
  });

  it('returns nothing for a valid script', () => {
    expect(diagnose('SHOW STREAMS; SELECT * FROM s EMIT CHANGES;\n-- done\n')).toEqual([]);
  });

  it('offers a fix for a misspelled keyword', () => {
    const [d] = diagnose('SELEC * FROM s');
    expect(d?.fixes).toEqual([
      {
        title: 'Replace with SELECT',
        edits: [
          {
            span: { start: 0, end: 5, startLine: 1, startColumn: 1, endLine: 1, endColumn: 6 },
            text: 'SELECT',
          },
        ],
      },
    ]);
    expect(diagnose('SELECT * FROM s AS t WHER x = 1')[0]?.fixes?.[0]?.edits[0]?.text).toBe('WHERE');
    expect(diagnose('SELECT * FROM s AS t EMIT CHANGS')[0]?.fixes?.[0]?.edits[0]?.text).toBe('CHANGES');
    expect(diagnose('SELECT * FROM s x y')[0]?.fixes).toBeUndefined();
  });

  it('offers a fix for a missing semicolon between statements', () => {
    const text = 'SHOW STREAMS\nSELECT * FROM s';
    const [d] = diagnose(text);
    const edit = d?.fixes?.[0]?.edits[0];
    expect(edit).toMatchObject({ text: ';', span: { start: 12, end: 12, startLine: 1, startColumn: 13 } });
    const fixed = text.slice(0, edit?.span.start) + (edit?.text ?? '') + text.slice(edit?.span.end);
    expect(diagnose(fixed)).toEqual([]);
  });

  it('substitutes the session variables from the catalog', () => {
    expect(diagnose('SELECT * FROM ${src};', { variables: { src: 'orders' } })).toEqual([]);
    expect(diagnose('SELECT * FROM ${src};')[0]?.message).toMatch(/Undefined variable 'src'/);
  });
});

describe('suggestEmitChangesFix', () => {
  it.each([
    ['SELECT * FROM s', 'SELECT * FROM s EMIT CHANGES'],
    ['SELECT * FROM s WHERE (a = 1) LIMIT 5', 'SELECT * FROM s WHERE (a = 1) EMIT CHANGES LIMIT 5'],
    [
      'SELECT a, COUNT(*) FROM s GROUP BY (a) HAVING COUNT(*) > 1',
      'SELECT a, COUNT(*) FROM s GROUP BY (a) HAVING COUNT(*) > 1 EMIT CHANGES',
    ],
    ['SELECT * FROM s x JOIN t y ON x.a = y.a', 'SELECT * FROM s x JOIN t y ON x.a = y.a EMIT CHANGES'],
    ['SELECT * FROM s PARTITION BY (a, b)', 'SELECT * FROM s PARTITION BY (a, b) EMIT CHANGES'],
    [
      'SELECT a, COUNT(*) FROM s WINDOW TUMBLING (SIZE 1 SECOND) GROUP BY a ORDER BY a',
      'SELECT a, COUNT(*) FROM s WINDOW TUMBLING (SIZE 1 SECOND) GROUP BY a EMIT CHANGES ORDER BY a',
    ],
  ])('%s', (sql, fixed) => {
    const result = applyFix(sql);
    expect(result).toBe(fixed);
    expect(parseOk(result)).toMatchObject({ emit: 'CHANGES' });
  });

  it('offers nothing when the query already has EMIT', () => {
    expect(suggestEmitChangesFix(parseOk('SELECT * FROM s EMIT FINAL') as SelectStmt)).toBeUndefined();
  });
});
