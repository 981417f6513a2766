import { describe, expect, it } from 'vitest';
import { TestDriver } from '../testing/test-driver';

async function valueNames(create: string, select: string): Promise<string[]> {
  const driver = new TestDriver();
  await driver.execute(create);
  await driver.execute(select);
  return driver
    .catalog()
    .source('OUT')!
    .schema.value.map((c) => c.name);
}

describe('generated output names', () => {
  it('suffix a struct field whose name a column already has', async () => {
    const names = await valueNames(
      "CREATE STREAM s (k STRING KEY, b INT, x STRUCT<b INT, c INT>, y STRUCT<b INT>) WITH (kafka_topic='s', format='JSON');",
      'CREATE STREAM out AS SELECT k, x->b, y->b, x->c FROM s;',
    );
    expect(names).toEqual(['B_1', 'B_2', 'C']);
  });

  it('skip KSQL_COL_n names the source already uses, selected or not', async () => {
    const names = await valueNames(
      "CREATE STREAM s (KSQL_COL_1 INT KEY, KSQL_COL_0 INT) WITH (kafka_topic='s', format='JSON');",
      'CREATE STREAM out AS SELECT KSQL_COL_1, ABS(KSQL_COL_0), ABS(KSQL_COL_0) FROM s;',
    );
    expect(names).toEqual(['KSQL_COL_2', 'KSQL_COL_3']);
  });
});
