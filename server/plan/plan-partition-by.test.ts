import { describe, expect, it } from 'vitest';
import { TestDriver } from '../testing/test-driver';

const INPUT = "CREATE STREAM s (id INT KEY, name STRING, n INT) WITH (kafka_topic='s', format='JSON');";

async function outcome(sql: string): Promise<string> {
  const driver = new TestDriver();
  await driver.execute(INPUT);
  return driver.execute(sql).then(
    () => 'accepted',
    (e: unknown) => (e instanceof Error ? e.message : String(e)),
  );
}

describe('PARTITION BY', () => {
  it('needs at least one expression, and NULL only alone', async () => {
    expect(await outcome('CREATE STREAM t AS SELECT * FROM s PARTITION BY ();')).toBe(
      'PARTITION BY requires at least one expression',
    );
    expect(await outcome('CREATE STREAM t AS SELECT * FROM s PARTITION BY NULL, n;')).toBe(
      'Cannot PARTITION BY multiple columns including NULL',
    );
  });

  it('explains that a SELECT alias is not visible to it', async () => {
    expect(await outcome('CREATE STREAM t AS SELECT id, n AS total FROM s PARTITION BY total;')).toBe(
      "PARTITION BY column 'TOTAL' cannot be resolved. 'TOTAL' must be a column in the source schema since PARTITION BY is applied on the input.",
    );
  });

  it('rejects a key format for a result without a key', async () => {
    expect(
      await outcome("CREATE STREAM t WITH (key_format='JSON') AS SELECT * FROM s PARTITION BY NULL;"),
    ).toBe('Key format specified for stream without key columns.');
  });

  it('keys a null-valued record by the expressions that read only key columns', async () => {
    const driver = new TestDriver();
    await driver.execute(INPUT);
    await driver.execute(
      'CREATE STREAM t AS SELECT id + 1 AS k1, 7 AS k2, n AS k3, name FROM s PARTITION BY id + 1, 7, n;',
    );
    driver.produce({ topic: 's', key: Buffer.from('5'), value: null, timestamp: 1 });
    const out = driver.records('T');
    expect(out.map((r) => [r.key?.toString(), r.value])).toEqual([['{"K1":6,"K2":7,"K3":null}', null]]);
  });
});
