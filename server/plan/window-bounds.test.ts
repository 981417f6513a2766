import { describe, expect, it } from 'vitest';
import { TestDriver } from '../testing/test-driver';

const SOURCE = "CREATE STREAM clicks (user STRING KEY, n INT) WITH (kafka_topic='clicks', format='JSON');";

async function rejects(sql: string): Promise<string> {
  const driver = new TestDriver();
  await driver.execute(SOURCE);
  return driver.execute(sql).then(
    () => 'accepted',
    (e: unknown) => (e instanceof Error ? e.message : String(e)),
  );
}

describe('window bounds outside the SELECT of a windowed aggregation', () => {
  const onlySelect = /^Window bounds column WINDOWSTART can only be used in the SELECT clause/;

  it('are rejected in GROUP BY, in HAVING and inside aggregate arguments', async () => {
    const window = 'WINDOW TUMBLING (SIZE 1 MINUTE)';
    expect(
      await rejects(
        `CREATE TABLE t AS SELECT user, COUNT(*) FROM clicks ${window} GROUP BY user, WINDOWSTART / 10;`,
      ),
    ).toMatch(onlySelect);
    expect(
      await rejects(
        `CREATE TABLE t AS SELECT user, COUNT(*) FROM clicks ${window} GROUP BY user HAVING WINDOWSTART > 5;`,
      ),
    ).toMatch(onlySelect);
    expect(
      await rejects(`CREATE TABLE t AS SELECT user, MAX(WINDOWSTART) FROM clicks ${window} GROUP BY user;`),
    ).toMatch(onlySelect);
  });

  it('are unknown in WHERE, which runs on the source rows', async () => {
    expect(await rejects('CREATE STREAM s AS SELECT * FROM clicks WHERE WINDOWEND > 0;')).toBe(
      'Error in WHERE expression: Unknown column WINDOWEND.',
    );
  });

  it('may be projected, alone or in expressions with aggregates', async () => {
    expect(
      await rejects(
        'CREATE TABLE t AS SELECT user, WINDOWSTART AS ws, COUNT(*) * WINDOWEND AS x FROM clicks WINDOW TUMBLING (SIZE 1 MINUTE) GROUP BY user;',
      ),
    ).toBe('accepted');
  });
});
