import { describe, expect, it } from 'vitest';
import { parseOk } from './testing/parse-ok';
import { sexpr } from './testing/sexpr';

describe('SELECT', () => {
  it('parses select items of every form', () => {
    const s = parseOk('SELECT *, o.*, a AS x, b y, s->*, f(c) FROM orders o EMIT CHANGES');
    expect(s).toMatchObject({
      kind: 'SelectStmt',
      items: [
        { kind: 'SelectAllColumns' },
        { kind: 'SelectAllColumns', source: { name: 'O' } },
        { kind: 'SelectExpression', alias: { name: 'X' } },
        { kind: 'SelectExpression', alias: { name: 'Y' } },
        { kind: 'SelectStructAll', base: { kind: 'ColumnRef' } },
        { kind: 'SelectExpression', expression: { kind: 'FunctionCall' } },
      ],
      from: { name: { name: 'ORDERS' }, alias: { name: 'O' } },
      emit: 'CHANGES',
    });
  });

  it('parses every clause in order', () => {
    const s = parseOk(
      'SELECT id, COUNT(*) FROM s WINDOW TUMBLING (SIZE 5 MINUTES, RETENTION 7 DAYS, GRACE PERIOD 30 SECONDS) ' +
        'WHERE x > 1 GROUP BY id, y HAVING COUNT(*) > 2 EMIT FINAL LIMIT 10',
    );
    expect(s).toMatchObject({
      window: {
        kind: 'TumblingWindow',
        size: { value: 5, unit: 'MINUTES', millis: 300_000 },
        retention: { value: 7, unit: 'DAYS', millis: 604_800_000 },
        grace: { value: 30, unit: 'SECONDS', millis: 30_000 },
      },
      groupBy: { expressions: [{ kind: 'ColumnRef' }, { kind: 'ColumnRef' }] },
      emit: 'FINAL',
      limit: 10,
    });
    if (s.kind !== 'SelectStmt' || !s.where || !s.having) throw new Error('clauses');
    expect(sexpr(s.where)).toBe('(> X 1)');
    expect(sexpr(s.having)).toBe('(> (COUNT *) 2)');
  });

  it.each([
    [
      'WINDOW HOPPING (SIZE 30 SECONDS, ADVANCE BY 10 SECONDS)',
      { kind: 'HoppingWindow', size: { millis: 30_000 }, advance: { millis: 10_000 } },
    ],
    [
      'WINDOW SESSION (60 SECONDS, GRACE PERIOD 1 MINUTE)',
      { kind: 'SessionWindow', gap: { millis: 60_000 }, grace: { millis: 60_000 } },
    ],
    [
      'WINDOW TUMBLING (SIZE 1 MILLISECOND)',
      { kind: 'TumblingWindow', size: { unit: 'MILLISECONDS', millis: 1 } },
    ],
    [
      'WINDOW w TUMBLING (SIZE 2 HOURS)',
      { kind: 'TumblingWindow', name: { name: 'W' }, size: { millis: 7_200_000 } },
    ],
  ])('window %s', (clause, expected) => {
    expect(parseOk(`SELECT id, COUNT(*) FROM s ${clause} GROUP BY id EMIT CHANGES`)).toMatchObject({
      window: expected,
    });
  });

  it.each([
    ['JOIN b ON a.id = b.id', { joinType: 'INNER' }],
    ['INNER JOIN b ON a.id = b.id', { joinType: 'INNER' }],
    ['LEFT JOIN b ON a.id = b.id', { joinType: 'LEFT' }],
    ['LEFT OUTER JOIN b ON a.id = b.id', { joinType: 'LEFT' }],
    ['RIGHT JOIN b ON a.id = b.id', { joinType: 'RIGHT' }],
    ['FULL OUTER JOIN b ON a.id = b.id', { joinType: 'FULL' }],
    ['FULL JOIN b AS bb ON a.id = bb.id', { joinType: 'FULL', right: { alias: { name: 'BB' } } }],
    [
      'JOIN b WITHIN 1 HOUR ON a.id = b.id',
      { within: { symmetric: true, before: { millis: 3_600_000 }, after: { millis: 3_600_000 } } },
    ],
    [
      'JOIN b WITHIN (1 HOUR, 2 HOURS) GRACE PERIOD 10 MINUTES ON a.id = b.id',
      {
        within: {
          symmetric: false,
          before: { millis: 3_600_000 },
          after: { millis: 7_200_000 },
          grace: { millis: 600_000 },
        },
      },
    ],
  ])('join %s', (clause, expected) => {
    expect(parseOk(`SELECT * FROM a ${clause} EMIT CHANGES`)).toMatchObject({ joins: [expected] });
  });

  it('splits a multi-equality join condition and keeps the raw expression', () => {
    const s = parseOk('SELECT * FROM a JOIN b ON a.x = b.x AND a.y = b.y AND a.z = b.z EMIT CHANGES');
    if (s.kind !== 'SelectStmt') throw new Error('kind');
    const j = s.joins[0];
    expect(j?.equalities.map((e) => `${sexpr(e.left)}=${sexpr(e.right)}`)).toEqual([
      'A.X=B.X',
      'A.Y=B.Y',
      'A.Z=B.Z',
    ]);
    expect(j && sexpr(j.on)).toBe('(and (and (= A.X B.X) (= A.Y B.Y)) (= A.Z B.Z))');
  });

  it('leaves equalities empty for other join conditions', () => {
    const s = parseOk('SELECT * FROM a JOIN b ON a.x = b.x OR a.y > b.y EMIT CHANGES');
    expect(s).toMatchObject({ joins: [{ equalities: [], on: { kind: 'Logical', op: 'OR' } }] });
  });

  it('parses N-way joins', () => {
    const s = parseOk('SELECT * FROM a JOIN b ON a.id = b.id LEFT JOIN c ON a.id = c.id EMIT CHANGES');
    expect(s).toMatchObject({
      joins: [{ right: { name: { name: 'B' } } }, { joinType: 'LEFT', right: { name: { name: 'C' } } }],
    });
  });

  it.each([
    ['GROUP BY a, b', 2],
    ['GROUP BY (a, b)', 2],
    ['GROUP BY (a)', 1],
    ['GROUP BY (a) + 1', 1],
    ['GROUP BY ()', 0],
  ])('%s', (clause, count) => {
    const s = parseOk(`SELECT COUNT(*) FROM s ${clause} EMIT CHANGES`);
    expect(s).toMatchObject({ groupBy: { expressions: new Array(count).fill(expect.anything()) } });
  });

  it('parses PARTITION BY several expressions and NULL', () => {
    expect(parseOk('SELECT * FROM s PARTITION BY a, b->c EMIT CHANGES')).toMatchObject({
      partitionBy: { expressions: [{ kind: 'ColumnRef' }, { kind: 'Dereference' }] },
    });
    expect(parseOk('SELECT * FROM s PARTITION BY NULL')).toMatchObject({
      partitionBy: { expressions: [{ kind: 'NullLiteral' }] },
    });
  });

  it('parses a pull query with ORDER BY, LIMIT and OFFSET (Kappa extension)', () => {
    const s = parseOk('SELECT * FROM t WHERE id > 1 ORDER BY score DESC, name LIMIT 5 OFFSET 10');
    expect(s).toMatchObject({
      orderBy: [
        { direction: 'DESC', expression: { name: { name: 'SCORE' } } },
        { direction: 'ASC', expression: { name: { name: 'NAME' } } },
      ],
      limit: 5,
      offset: 10,
    });
    expect('emit' in s).toBe(false);
  });

  it('does not mistake clause words for relation aliases', () => {
    expect(parseOk('SELECT * FROM s EMIT CHANGES')).toMatchObject({
      from: { name: { name: 'S' } },
      emit: 'CHANGES',
    });
    expect('alias' in (parseOk('SELECT * FROM s PARTITION BY x') as { from: object }).from).toBe(false);
    expect(parseOk('SELECT * FROM s emit')).toMatchObject({ from: { alias: { name: 'EMIT' } } });
  });

  it('records the exact statement text without the semicolon', () => {
    expect(parseOk('  SELECT *   FROM s  ;  ').text).toBe('SELECT *   FROM s');
  });
});
