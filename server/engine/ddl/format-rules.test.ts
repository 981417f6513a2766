import { describe, expect, it } from 'vitest';
import { TestDriver } from '../../testing/test-driver';

describe('ksql.persistence.wrap.single.values', () => {
  it('unwraps single-column values of sources and sinks that do not say otherwise', async () => {
    const driver = new TestDriver({ properties: { 'ksql.persistence.wrap.single.values': 'false' } });
    await driver.execute(`
      CREATE STREAM s (k STRING KEY, v STRING) WITH (kafka_topic='s', format='JSON');
      CREATE STREAM both_cols AS SELECT k, v, v AS w FROM s;
      CREATE STREAM one_col AS SELECT k, UCASE(v) AS u FROM s;
    `);
    driver.produce({ topic: 's', key: Buffer.from('"a"'), value: Buffer.from('"x"'), timestamp: 1 });
    expect(driver.records('BOTH_COLS')[0]?.value?.toString()).toBe('{"V":"x","W":"x"}');
    expect(driver.records('ONE_COL')[0]?.value?.toString()).toBe('"X"');
    expect(driver.catalog().source('S')?.valueFeatures.wrapSingleValues).toBe(false);
    expect(driver.catalog().source('BOTH_COLS')?.valueFeatures.wrapSingleValues).toBeUndefined();
  });
});
