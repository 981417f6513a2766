import { describe, expect, it } from 'vitest';
import { parseScript, parseStatement } from './script';

describe('variable substitution', () => {
  it('substitutes in code, strings and quoted identifiers, case-insensitively', () => {
    const r = parseStatement(
      "CREATE STREAM ${Name} (`${col}` INT) WITH (kafka_topic='${TOPIC}', value_format='${fmt}')",
      {
        variables: { NAME: 's1', COL: 'Amount', topic: 't-1', FMT: 'JSON' },
      },
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.statement).toMatchObject({
      name: { name: 'S1' },
      elements: [{ name: { name: 'Amount' } }],
      properties: [{ value: { value: 't-1' } }, { value: { value: 'JSON' } }],
    });
    expect(r.statement?.text).toBe(
      "CREATE STREAM s1 (`Amount` INT) WITH (kafka_topic='t-1', value_format='JSON')",
    );
  });

  it('maps spans back to the original script text', () => {
    const sql = 'SHOW TABLES;\nSELECT ${cols}, zz FROM s';
    const r = parseScript(sql, { variables: { cols: 'a, b' } });
    const q = r.statements[1];
    if (q?.kind !== 'SelectStmt') throw new Error('kind');
    expect(q.items).toHaveLength(3);
    const [a, b, zz] = q.items;
    expect(sql.slice(a?.span.start, a?.span.end)).toBe('${cols}');
    expect(sql.slice(b?.span.start, b?.span.end)).toBe('${cols}');
    expect(zz?.span).toMatchObject({ startLine: 2, startColumn: 17 });
    expect(sql.slice(zz?.span.start, zz?.span.end)).toBe('zz');
    expect(q.span).toMatchObject({ start: 13, end: sql.length, startLine: 2, startColumn: 1 });
  });

  it('reports syntax errors after substitution at original positions', () => {
    const r = parseScript('SELECT ${x} FROM s WHERE', { variables: { x: 'a' } });
    expect(r.diagnostics[0]?.message).toBe(
      'Syntax Error at line 1, column 25: expected an expression but found end of input',
    );
  });

  it('reports undefined variables with their span, and skips comments', () => {
    const r = parseScript("-- ${ignored}\nSELECT * FROM ${src} WHERE x = '${v}'", { variables: { v: '1' } });
    expect(r.statements).toEqual([]);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({
      code: 40001,
      message: expect.stringMatching(/^Undefined variable 'src' at line 2, column 15/),
      span: { start: 28, end: 34, startLine: 2, startColumn: 15 },
    });
  });

  it('applies DEFINE and UNDEFINE to the statements after them', () => {
    const r = parseScript("DEFINE t = 'orders'; SELECT * FROM ${t}; UNDEFINE t; SELECT * FROM ${t};");
    expect(r.statements.map((s) => s.kind)).toEqual([
      'DefineVariableStmt',
      'SelectStmt',
      'UndefineVariableStmt',
    ]);
    expect(r.statements[1]).toMatchObject({ from: { name: { name: 'ORDERS' } } });
    expect(r.diagnostics[0]?.message).toMatch(/Undefined variable 't'/);
  });
});
