import { describe, expect, it } from 'vitest';
import { TestDriver } from '../testing/test-driver';

async function outcome(setup: string, sql: string): Promise<string> {
  const driver = new TestDriver();
  await driver.execute(setup);
  return driver.execute(sql).then(
    () => 'accepted',
    (e: unknown) => (e instanceof Error ? e.message : String(e)),
  );
}

const ORDERS =
  "CREATE STREAM orders (id INT KEY, region STRING, qty INT) WITH (kafka_topic='orders', format='JSON');";
const STOCK =
  "CREATE TABLE stock (sku STRING PRIMARY KEY, site STRING, qty INT) WITH (kafka_topic='stock', format='JSON');";

describe('aggregation rules', () => {
  it('rejects grouping a source whose values use the KAFKA format', async () => {
    const setup =
      "CREATE STREAM raw (k STRING KEY, v STRING) WITH (kafka_topic='raw', key_format='KAFKA', value_format='KAFKA');";
    expect(
      await outcome(
        setup,
        "CREATE TABLE t WITH (value_format='JSON') AS SELECT v, COUNT(*) AS n FROM raw GROUP BY v;",
      ),
    ).toBe("Source(s) RAW are using the 'KAFKA' value format. This format does not yet support GROUP BY.");
  });

  it('needs a GROUP BY for a persistent aggregate, after checking the projection', async () => {
    expect(await outcome(ORDERS, 'CREATE TABLE t AS SELECT COUNT(*), SUM(qty) FROM orders;')).toBe(
      'CREATE TABLE AS SELECT statement does not support aggregate function [COUNT(ROWTIME), SUM(QTY)] without a GROUP BY clause.',
    );
    expect(await outcome(ORDERS, 'CREATE TABLE t AS SELECT region, COUNT(*) FROM orders;')).toMatch(
      /^Non-aggregate SELECT expression\(s\) not part of GROUP BY: REGION/,
    );
  });

  it('checks each column of `*` like a named one', async () => {
    expect(
      await outcome(ORDERS, 'CREATE TABLE t AS SELECT *, COUNT(*) AS n FROM orders GROUP BY id;'),
    ).toMatch(/^Non-aggregate SELECT expression\(s\) not part of GROUP BY: REGION, QTY/);
  });

  it('rejects the same grouping twice, however it is written', async () => {
    expect(
      await outcome(
        ORDERS,
        'CREATE TABLE t AS SELECT COUNT(*) AS n FROM orders GROUP BY region, orders.region;',
      ),
    ).toBe('Duplicate GROUP BY expression: ORDERS.REGION');
  });

  it('keeps compound aggregation state out of a DELIMITED source format', async () => {
    const csv = "CREATE STREAM csv (k STRING KEY, v INT) WITH (kafka_topic='csv', format='DELIMITED');";
    expect(await outcome(csv, 'CREATE TABLE t AS SELECT k, AVG(v) AS a FROM csv GROUP BY k;')).toMatch(
      /^One of the functions used in the statement has an intermediate type that the value format can not handle/,
    );
    expect(
      await outcome(csv, 'CREATE TABLE t AS SELECT k, SUM(v) AS s, COUNT(*) AS n FROM csv GROUP BY k;'),
    ).toBe('accepted');
  });

  it('only aggregates a table with functions that can retract a row', async () => {
    expect(
      await outcome(STOCK, 'CREATE TABLE t AS SELECT site, MAX(qty) AS m FROM stock GROUP BY site;'),
    ).toBe('The aggregation function MAX cannot be applied to a table source, only to a stream source.');
    expect(
      await outcome(
        STOCK,
        'CREATE TABLE t AS SELECT site, SUM(qty) AS s, COUNT(*) AS n FROM stock GROUP BY site;',
      ),
    ).toBe('accepted');
  });
});

describe('projection rules of persistent queries', () => {
  it('rejects a key column projected under two names', async () => {
    expect(
      await outcome(
        ORDERS,
        'CREATE TABLE t AS SELECT region AS r2, region, COUNT(*) AS n FROM orders GROUP BY region;',
      ),
    ).toBe('The projection contains a key column more than once: `R2` and `REGION`.');
    expect(await outcome(ORDERS, 'CREATE STREAM s AS SELECT id, id AS id2, qty FROM orders;')).toBe(
      'The projection contains a key column (`ID`) more than once, aliased as: ID and ID2.',
    );
  });

  it('names the grouping expressions left out of the projection', async () => {
    expect(
      await outcome(
        ORDERS,
        'CREATE TABLE t AS SELECT region, COUNT(*) AS n FROM orders GROUP BY qty, region;',
      ),
    ).toMatch(/must include the grouping expression QTY in its projection \(eg, SELECT QTY\.\.\.\)\.$/);
  });

  it('rejects a system column under its own name, aliased to itself or not, before other checks', async () => {
    expect(
      await outcome(ORDERS, 'CREATE STREAM s AS SELECT id, orders.ROWTIME AS ROWTIME FROM orders;'),
    ).toBe('Reserved column name in select: `ROWTIME`. Please remove or alias the column.');
    expect(
      await outcome(
        ORDERS,
        'CREATE TABLE t AS SELECT region, WINDOWSTART, COUNT(*) AS n FROM orders GROUP BY WINDOWSTART;',
      ),
    ).toBe('Reserved column name in select: `WINDOWSTART`. Please remove or alias the column.');
    expect(await outcome(ORDERS, 'CREATE STREAM s AS SELECT id, ROWTIME AS ts FROM orders;')).toBe(
      'accepted',
    );
  });

  it('rejects two output columns with one name', async () => {
    expect(
      await outcome(
        ORDERS,
        'CREATE TABLE t AS SELECT region AS n, COUNT(*) AS n FROM orders GROUP BY region;',
      ),
    ).toBe('Duplicate value columns found in schema: `N` BIGINT');
  });

  it('lists key columns with their KEY marker when the key format cannot hold them', async () => {
    expect(
      await outcome(
        ORDERS,
        "CREATE TABLE t WITH (key_format='KAFKA') AS SELECT region, qty, COUNT(*) AS n FROM orders GROUP BY region, qty;",
      ),
    ).toMatch(/Got: \[`REGION` STRING KEY, `QTY` INTEGER KEY\]$/);
    expect(
      await outcome(
        ORDERS,
        "CREATE TABLE t WITH (key_format='DELIMITED') AS SELECT ARRAY[qty] AS a, COUNT(*) AS n FROM orders GROUP BY ARRAY[qty];",
      ),
    ).toMatch(/The 'DELIMITED' format does not support type 'ARRAY', column: `A`$/);
  });
});
