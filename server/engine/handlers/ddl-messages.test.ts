import { describe, expect, it } from 'vitest';
import { TestDriver } from '../../testing/test-driver';

const base =
  "CREATE STREAM s (k STRING KEY, v INT, ts INT) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=1);";

async function rejects(sql: string, message: string | RegExp, setup = base): Promise<void> {
  const driver = new TestDriver();
  if (setup) await driver.execute(setup);
  await expect(driver.execute(sql)).rejects.toThrow(message);
}

describe('DDL errors worded as ksqlDB words them', () => {
  it.each([
    ['DROP STREAM nope;', 'Stream NOPE does not exist.'],
    ['DROP TABLE nope;', 'Table NOPE does not exist.'],
    [
      "CREATE TABLE t (id INT KEY, v INT) WITH (KAFKA_TOPIC='t', FORMAT='JSON', PARTITIONS=1);",
      "Line: 1, Col: 17: Column `ID` is a 'KEY' column: please use 'PRIMARY KEY' for tables.",
    ],
    [
      "CREATE OR REPLACE SOURCE STREAM x (k STRING KEY) WITH (KAFKA_TOPIC='x', FORMAT='JSON', PARTITIONS=1);",
      "Cannot add stream 'X': CREATE OR REPLACE is not supported on source streams.",
    ],
    [
      "CREATE STREAM j (k STRING KEY, v INT) WITH (KAFKA_TOPIC='j', VALUE_FORMAT='JSON', PARTITIONS=1, VALUE_AVRO_SCHEMA_FULL_NAME='a.b');",
      'JSON does not support the following configs: [fullSchemaName]',
    ],
    ['INSERT INTO nope SELECT * FROM s;', 'Line: 1, Col: 13: Source `NOPE` does not exist.'],
    [
      "CREATE STREAM o WITH (TIMESTAMP='nope') AS SELECT k, v FROM s;",
      "does not exist in the schema: 'NOPE'",
    ],
    [
      "CREATE STREAM o WITH (TIMESTAMP='ts') AS SELECT k, ts FROM s;",
      'Timestamp column, `TS`, should be LONG(INT64)',
    ],
  ])('%s', async (sql, message) => {
    await rejects(sql, message);
  });

  it('refuses ALTER of a read-only source', async () => {
    await rejects(
      'ALTER STREAM r ADD COLUMN c INT;',
      "Cannot alter stream 'R': ALTER operations are not supported on source streams.",
      "CREATE SOURCE STREAM r (k STRING KEY, v INT) WITH (KAFKA_TOPIC='r', FORMAT='JSON', PARTITIONS=1);",
    );
  });

  it('hints at quoting when an INSERT names a source with the wrong case', async () => {
    await rejects(
      'INSERT INTO input (id) VALUES (1);',
      'Cannot insert values into an unknown stream/table: `INPUT`\nDid you mean "input"? Hint: wrap the source name in double quotes',
      `CREATE STREAM "input" (id INT KEY, v STRING) WITH (KAFKA_TOPIC='i', FORMAT='JSON', PARTITIONS=1);`,
    );
  });

  it('gives a keyed join of keyless streams a key format that can hold the key', async () => {
    const driver = new TestDriver();
    await driver.execute(`
      CREATE STREAM a (id INT, x INT) WITH (KAFKA_TOPIC='a', KEY_FORMAT='NONE', VALUE_FORMAT='JSON', PARTITIONS=1);
      CREATE STREAM b (id INT KEY, y INT) WITH (KAFKA_TOPIC='b', KEY_FORMAT='KAFKA', VALUE_FORMAT='JSON', PARTITIONS=1);
      CREATE STREAM c AS SELECT * FROM a PARTITION BY id;`);
    expect(driver.catalog().source('C')?.keyFormat.format).toBe('KAFKA');
  });
});
