import { describe, expect, it } from 'vitest';
import { TestDriver } from '../testing/test-driver';

describe('aggregate functions see the query properties', () => {
  it('caps COLLECT_SET with ksql.functions.collect_set.limit', async () => {
    const driver = new TestDriver({ properties: { 'ksql.functions.collect_set.limit': '2' } });
    await driver.execute(`
      CREATE STREAM s (k STRING KEY, v INT) WITH (kafka_topic='s', format='JSON');
      CREATE TABLE t AS SELECT k, COLLECT_SET(v) AS vs FROM s GROUP BY k;
    `);
    for (const v of [1, 2, 3]) {
      driver.produce({ topic: 's', key: Buffer.from('"a"'), value: Buffer.from(`{"v":${v}}`), timestamp: 1 });
    }
    const last = driver.records('T').at(-1);
    expect(last?.value?.toString()).toBe('{"VS":[1,2]}');
  });
});
