import { beforeAll, describe, expect, it } from 'vitest';
import { TestDriver } from '../testing/test-driver';

const NO_SCAN = { 'ksql.query.pull.table.scan.enabled': 'false' };
const NO_SCANS = { ...NO_SCAN, 'ksql.query.pull.range.scan.enabled': 'false' };

describe('pull query rules kept from ksqlDB', () => {
  let driver: TestDriver;
  beforeAll(async () => {
    driver = new TestDriver();
    await driver.execute(
      `CREATE STREAM events (id INT KEY, col INT, name STRING) WITH (kafka_topic='events', format='JSON');`,
    );
    await driver.execute(`CREATE TABLE counts AS SELECT id, COUNT(*) AS n FROM events GROUP BY id;`);
    await driver.execute(`CREATE TABLE pairs AS SELECT id, col, COUNT(*) AS n FROM events GROUP BY id, col;`);
    await driver.execute(
      `CREATE TABLE names (name STRING PRIMARY KEY, v INT) WITH (kafka_topic='names', format='JSON');`,
    );
    await driver.execute(
      `CREATE TABLE per_second AS SELECT name, COUNT(*) AS n FROM events WINDOW TUMBLING (SIZE 1 SECOND) GROUP BY name;`,
    );
  });

  /** Rejects either way: with the engine's message if refused, with `accepted: …` if not. */
  const refused = async (sql: string, properties: Record<string, string> = {}): Promise<void> => {
    const q = await driver.query(sql, { properties });
    await q.close();
    throw new Error(`accepted: ${sql}`);
  };
  const accepted = async (sql: string, properties: Record<string, string> = {}): Promise<void> => {
    const q = await driver.query(sql, { properties });
    await q.close();
  };

  it('refuses LIMIT when disabled or negative, and record pseudo columns', async () => {
    await expect(
      refused('SELECT * FROM events LIMIT 2;', { 'ksql.query.pull.limit.clause.enabled': 'false' }),
    ).rejects.toThrow(/LIMIT clause in pull queries is currently disabled/);
    await expect(refused('SELECT * FROM events LIMIT -1;')).rejects.toThrow(
      /negative integers in the LIMIT clause/,
    );
    await expect(refused('SELECT id, ROWOFFSET FROM events;')).rejects.toThrow(
      "Pull queries don't support the following columns in SELECT clauses: `ROWOFFSET`",
    );
    await expect(refused('SELECT * FROM events WHERE ROWPARTITION = 1;')).rejects.toThrow(
      /in WHERE clauses: `ROWPARTITION`/,
    );
    await expect(refused('SELECT * FROM counts WHERE WINDOWSTART > 1;')).rejects.toThrow(
      "WHERE column 'WINDOWSTART' cannot be resolved.",
    );
  });

  it('looks keys up only with values of the key type', async () => {
    await expect(refused(`SELECT * FROM counts WHERE id = '10';`)).rejects.toThrow(
      "Error in WHERE expression: Cannot compare ID (INTEGER) to '10' (STRING) with EQUAL.\nStatement: (ID = '10')",
    );
    await expect(refused('SELECT * FROM counts WHERE id = NULL;')).rejects.toThrow(
      'Comparison with NULL not supported: INTEGER = NULL',
    );
    await expect(refused(`SELECT * FROM counts WHERE id IN ('10', 8);`)).rejects.toThrow(
      "'10' can not be converted to the type of the key column: ID INTEGER KEY",
    );
    await expect(refused('SELECT * FROM counts WHERE id IN (NULL);')).rejects.toThrow(
      'Primary key columns can not be NULL: (ID = null)',
    );
    await accepted(`SELECT * FROM names WHERE name = '10';`);
  });

  it('refuses a result with two columns of one name', async () => {
    await expect(refused('SELECT v, v FROM names;')).rejects.toThrow(
      'Duplicate value columns found in schema: `V` INTEGER',
    );
    await accepted('SELECT n AS id FROM counts;');
  });

  it('with table scans off, every disjunct must pin the whole key', async () => {
    const cases: [string, string | RegExp][] = [
      ['SELECT * FROM counts WHERE n = 100;', 'WHERE clause missing key column for disjunct: (N = 100)'],
      ['SELECT * FROM counts WHERE id + 10 = 20;', 'A comparison must directly reference a key column.'],
      [
        'SELECT * FROM counts WHERE id = n;',
        'A comparison must be between a key column and a resolvable expression.',
      ],
      ['SELECT * FROM counts WHERE id IN (2, n + 1);', /key column and a resolvable expression/],
      ['SELECT * FROM counts WHERE 0 < id AND id < 100;', /cannot be combined with other comparisons/],
      [
        'SELECT * FROM counts WHERE id <> 100;',
        "Bound on key columns '[`ID` INTEGER KEY]' must currently be '='. ",
      ],
      [
        'SELECT * FROM pairs WHERE id = 10;',
        'Multi-column sources must specify every key in the WHERE clause',
      ],
      ['SELECT * FROM counts WHERE id > 10;', 'Query requires table scan to be enabled'],
      ['SELECT * FROM per_second WHERE name > 10;', 'Query requires table scan to be enabled'],
      [`SELECT * FROM names WHERE name < 'b' OR name > 'x';`, 'Query requires table scan to be enabled'],
      [`SELECT * FROM names WHERE 'a' LIKE 'a';`, 'Like condition must be between strings'],
      ['SELECT * FROM counts;', 'Query requires table scan to be enabled'],
    ];
    for (const [sql, message] of cases) await expect(refused(sql, NO_SCAN), sql).rejects.toThrow(message);
    await expect(refused(`SELECT * FROM names WHERE name < 'b';`, NO_SCANS)).rejects.toThrow(
      'Query requires table scan to be enabled',
    );
  });

  it('with table scans off, key lookups and a range on one STRING key still run', async () => {
    for (const sql of [
      'SELECT * FROM counts WHERE id = 10;',
      'SELECT * FROM counts WHERE id IN (1, 2) AND n > 3;',
      'SELECT * FROM pairs WHERE id = 10 AND col = 1;',
      `SELECT * FROM per_second WHERE name = 'a' AND WINDOWSTART >= 1000;`,
      `SELECT * FROM names WHERE name < 'b' AND v > 1;`,
    ]) {
      await accepted(sql, NO_SCAN);
    }
  });
});
