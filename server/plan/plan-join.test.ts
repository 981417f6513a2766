import { describe, expect, it } from 'vitest';
import { TestDriver } from '../testing/test-driver';

const SOURCES = `
  CREATE STREAM L (A INT KEY, B INT, C INT) WITH (kafka_topic='l', format='JSON');
  CREATE STREAM R (A INT KEY, B INT, C INT) WITH (kafka_topic='r', format='JSON');
  CREATE TABLE T (A INT PRIMARY KEY, B INT, M MAP<STRING, INT>) WITH (kafka_topic='t', format='JSON');
  CREATE TABLE U (A INT PRIMARY KEY, B INT) WITH (kafka_topic='u', format='JSON');
  CREATE STREAM K (A INT KEY, B STRING) WITH (kafka_topic='k', key_format='KAFKA', value_format='KAFKA');
  CREATE STREAM M1 (A INT KEY, M MAP<STRING, INT>) WITH (kafka_topic='m1', format='JSON');
  CREATE STREAM M2 (A INT KEY, M MAP<STRING, INT>) WITH (kafka_topic='m2', format='JSON');
  CREATE STREAM W (A INT KEY, B INT) WITH (kafka_topic='w', format='JSON', window_type='SESSION');
`;

async function sinkSchema(query: string): Promise<string> {
  const driver = new TestDriver();
  await driver.execute(`${SOURCES} CREATE STREAM OUTPUT AS ${query};`);
  const schema = driver.catalog().source('OUTPUT')!.schema;
  return [...schema.key.map((c) => `${c.name} KEY`), ...schema.value.map((c) => c.name)].join(', ');
}

async function rejection(query: string, kind = 'STREAM'): Promise<string> {
  const driver = new TestDriver();
  await driver.execute(SOURCES);
  return driver.execute(`CREATE ${kind} OUTPUT AS ${query};`).then(
    () => 'accepted',
    (error: unknown) => (error instanceof Error ? error.message : String(error)),
  );
}

describe('join planning: the result key and column names', () => {
  it.each([
    ['SELECT * FROM L JOIN R WITHIN 1 SECOND ON L.A = R.A', 'L_A KEY, L_B, L_C, R_A, R_B, R_C'],
    // The left join expression wins over the right one, wherever the projection names it.
    ['SELECT R.A, L.A, L.B FROM L JOIN R WITHIN 1 SECOND ON L.A = R.A', 'L_A KEY, R_A, L_B'],
    ['SELECT L.B, R.* FROM L JOIN R WITHIN 1 SECOND ON ABS(L.A) = R.A', 'R_A KEY, L_B, R_B, R_C'],
    ['SELECT ROWKEY AS K, L.B FROM L JOIN R WITHIN 1 SECOND ON ABS(L.A) = ABS(R.A)', 'K KEY, L_B'],
    ['SELECT * FROM L FULL JOIN R WITHIN 1 SECOND ON L.A = R.A', 'ROWKEY KEY, L_A, L_B, L_C, R_A, R_B, R_C'],
    // Re-keyed on a value column; columns only one source has keep their own name.
    ['SELECT L.C, L.A, T.B FROM L JOIN T ON L.C = T.A', 'C KEY, L_A, T_B'],
    ['SELECT T.A, L.B, U.B FROM L JOIN T ON L.A = T.A JOIN U ON L.A = U.A', 'T_A KEY, L_B, U_B'],
  ])('%s → %s', async (query, expected) => {
    expect(await sinkSchema(query)).toBe(expected);
  });

  it('keys a join on several equalities by all of them (Kappa extension)', async () => {
    expect(
      await sinkSchema('SELECT L.A, L.B, R.C FROM L JOIN R WITHIN 1 SECOND ON L.A = R.A AND L.B = R.B'),
    ).toBe('L_A KEY, L_B KEY, R_C');
  });
});

describe('join planning: rejected joins', () => {
  it.each([
    ['SELECT * FROM L JOIN R ON L.A = R.A', 'Stream-Stream joins must have a WITHIN clause specified'],
    [
      'SELECT * FROM L JOIN T WITHIN 1 SECOND ON L.A = T.A',
      'A window definition was provided for a Stream-Table join',
    ],
    [
      'SELECT * FROM T JOIN L ON T.A = L.A',
      'Invalid join order: table-stream joins are not supported; only stream-table joins. Got T [INNER] JOIN L.',
    ],
    [
      'SELECT * FROM L FULL JOIN T ON L.A = T.A',
      'Invalid join type: full-outer join not supported for stream-table join. Got L [FULL] OUTER JOIN T.',
    ],
    [
      'SELECT * FROM L JOIN T ON L.A = T.B',
      "Invalid join condition: stream-table joins require to join on the table's primary key. Got L.A = T.B.",
    ],
    [
      'SELECT * FROM L JOIN R WITHIN 1 SECOND ON L.A = 0',
      "Invalid comparison expression '0' in join '(L.A = 0)'",
    ],
    [
      'SELECT * FROM L JOIN R WITHIN 1 SECOND ON L.A = L.B',
      'Each side of the join must reference exactly one source and not the same source',
    ],
    ['SELECT * FROM L JOIN R WITHIN 1 SECOND ON A = R.A', "Column 'A' is ambiguous. Could be L.A or R.A."],
    ['SELECT * FROM L JOIN R WITHIN 1 SECOND ON X.A = R.A', "'X' is not a valid stream/table name or alias."],
    [
      'SELECT * FROM L JOIN R WITHIN 1 SECOND ON L.A = R.A AND L.A = R.A',
      'joins on multiple conditions are not yet supported. Got ((L.A = R.A) AND (L.A = R.A)).',
    ],
    [
      'SELECT * FROM L JOIN R WITHIN 1 SECOND ON L.A = R.A JOIN R WITHIN 1 SECOND ON L.A = R.A',
      "N-way joins do not support multiple occurrences of the same source. Source: 'R'",
    ],
    [
      'SELECT * FROM L L1 JOIN L L2 WITHIN 1 SECOND ON L1.A = L2.A',
      "Can not join 'L' to 'L': self joins are not yet supported.",
    ],
    [
      'SELECT * FROM L JOIN W WITHIN 1 SECOND ON L.A = W.A',
      'Can not join windowed source to non-windowed source.\n`L` is not windowed\n`W` is SESSION windowed',
    ],
    [
      'SELECT * FROM K JOIN R WITHIN 1 SECOND ON K.A = R.A',
      "Source(s) K are using the 'KAFKA' value format. This format does not yet support JOIN.",
    ],
    [
      'SELECT L.B, R.B FROM L JOIN R WITHIN 1 SECOND ON L.A = R.A',
      'must include the join expressions L.A or R.A in its projection (eg, SELECT L.A...).',
    ],
    [
      'SELECT L.B FROM L JOIN R WITHIN 1 SECOND ON ABS(L.A) = ABS(R.A)',
      'must include the join expression ROWKEY in its projection',
    ],
    [
      'SELECT L.A, L.A AS K2, L.B FROM L JOIN R WITHIN 1 SECOND ON L.A = R.A',
      'The projection contains a key column (`L_A`) more than once, aliased as: K2 and L_A.',
    ],
    [
      'SELECT L.A, L.B FROM L JOIN R WITHIN 1 SECOND ON L.A = R.C + 0.5',
      "Invalid join condition: types don't match. Got L.A{INTEGER} = (R.C + 0.5){DECIMAL(12, 1)}.",
    ],
    [
      'SELECT M1.M, M2.A FROM M1 JOIN M2 WITHIN 1 SECOND ON M1.M = M2.M',
      'Map keys, including types that contain maps, are not supported',
    ],
  ])('%s', async (query, message) => {
    expect(await rejection(query)).toContain(message);
  });

  it.each([
    [
      'SELECT * FROM T JOIN U ON T.A = U.B',
      'table-table joins require to join on the primary key of the right input table. Got T.A = U.B.',
    ],
    [
      'SELECT * FROM T FULL JOIN U ON T.B = U.A',
      'Invalid join type: full-outer join not supported for foreign-key table-table join.',
    ],
  ])('%s', async (query, message) => {
    expect(await rejection(query, 'TABLE')).toContain(message);
  });
});

describe('join planning: the plan', () => {
  async function explain(query: string): Promise<string> {
    const driver = new TestDriver();
    await driver.execute(SOURCES);
    const [entity] = await driver.execute(`EXPLAIN ${query} EMIT CHANGES;`);
    return (entity as { queryDescription: { executionPlan: string } }).queryDescription.executionPlan;
  }

  it('re-keys the stream side of a stream-table join that is not on its key', async () => {
    expect(await explain('SELECT L.C, L.A, T.B FROM L JOIN T ON L.C = T.A')).toBe(
      [
        '> [ PROJECT ] C, A, B  [C, L_A, T_B]',
        '  > [ JOIN ] INNER stream-table  [KSQL_JOIN_KEY_0 KEY, A, B, C, A, B, M]',
        '    > [ REKEY ] C (Join)  [KSQL_JOIN_KEY_0 KEY, A, B, C]',
        '      > [ SOURCE ] STREAM L (topic l, JSON/JSON)  [A KEY, B, C]',
        '    > [ SOURCE ] TABLE T (topic t, JSON/JSON)  [A KEY, B, M]',
      ].join('\n'),
    );
  });

  it('needs no re-key when a later join is on a column an earlier join made equal to the key', async () => {
    const plan = await explain('SELECT T.A, L.B, U.B FROM L JOIN T ON L.A = T.A JOIN U ON T.A = U.A');
    expect(plan).not.toContain('REKEY');
    expect(plan).toContain('[ JOIN ] INNER stream-table');
  });
});
