import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { formatExpression } from './format-expression';
import { formatIdentifier } from './format-identifier';
import { formatStatement } from './format-statement';
import { parseExpression, parseScript } from './script';
import { EXAMPLES } from './testing/examples';
import { parseOk } from './testing/parse-ok';
import { stripPositions } from './testing/strip';

function roundTrips(sql: string, multiline: boolean): string | undefined {
  const first = parseOk(sql);
  const text = formatStatement(first, { multiline });
  const again = parseScript(text);
  if (again.statements.length !== 1 || again.diagnostics.length > 0)
    return `${text}: ${again.diagnostics[0]?.message}`;
  if (!isDeepStrictEqual(stripPositions(again.statements[0]), stripPositions(first)))
    return `tree changed: ${text}`;
  if (formatStatement(again.statements[0] ?? first, { multiline }) !== text) return `not idempotent: ${text}`;
  return undefined;
}

describe('formatter', () => {
  it.each(EXAMPLES.map((e) => [e]))('round-trips %s', (sql) => {
    expect(roundTrips(sql, true)).toBeUndefined();
    expect(roundTrips(sql, false)).toBeUndefined();
  });

  it('writes canonical, readable SQL', () => {
    const s = parseOk(
      "create table t with (kafka_topic='t') as select a, count(*) c from s x join u within 1 hour on x.id = u.id window tumbling (size 1 minutes) where a>1 group by a emit changes;",
    );
    expect(formatStatement(s)).toBe(
      [
        "CREATE TABLE T WITH (KAFKA_TOPIC='t') AS",
        'SELECT A, COUNT(*) AS C',
        'FROM S AS X',
        'INNER JOIN U WITHIN 1 HOUR ON X.ID = U.ID',
        'WINDOW TUMBLING (SIZE 1 MINUTE)',
        'WHERE A > 1',
        'GROUP BY A',
        'EMIT CHANGES',
      ].join('\n'),
    );
    expect(
      formatStatement(parseOk("create stream s (id bigint key, `v` string) with (value_format='json')")),
    ).toBe("CREATE STREAM S (ID BIGINT KEY, `v` STRING) WITH (VALUE_FORMAT='json')");
  });

  it.each([
    ['a + b * c', 'A + B * C'],
    ['(a + b) * c', '(A + B) * C'],
    ['a - (b - c)', 'A - (B - C)'],
    ['a - b - c', 'A - B - C'],
    ['NOT (a AND b)', 'NOT (A AND B)'],
    ['(a OR b) AND c', '(A OR B) AND C'],
    ['- -1', '-(-1)'],
    ['-(1[2])', '-(1[2])'],
    ['(a = b) = c', '(A = B) = C'],
    ['1.5E0', '1.5E0'],
    ['1e21', '1E21'],
    ['-0.0e0', '-0E0'],
    ["DECIMAL '12'", "DECIMAL '12'"],
    ["'it''s'", "'it''s'"],
    ['f((a, b) => a)', 'F((A, B) => A)'],
    ['a->`b c`', 'A->`b c`'],
  ])('formats %s as %s', (sql, expected) => {
    const e = parseExpression(sql).expression;
    if (!e) throw new Error(sql);
    expect(formatExpression(e)).toBe(expected);
  });

  it.each([
    ['ABC', 'ABC'],
    ['A_1@', 'A_1@'],
    ['abc', '`abc`'],
    ['SELECT', '`SELECT`'],
    ['SIZE', '`SIZE`'],
    ['VALUE', 'VALUE'],
    ['KEY', 'KEY'],
    ['1A', '`1A`'],
    ['a`b', '`a``b`'],
    ['MAP', '`MAP`'],
  ])('quotes identifier %s as %s', (name, expected) => {
    expect(formatIdentifier(name)).toBe(expected);
  });
});
