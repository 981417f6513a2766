import { describe, expect, it } from 'vitest';
import { TestDriver } from '../testing/test-driver';
import type { CatalogView } from './catalog';
import { exportCatalog } from './catalog-export';

const SCRIPT = `
  CREATE TYPE ADDRESS AS STRUCT<street STRING, \`zip code\` INT>;
  CREATE STREAM orders (id BIGINT KEY, amount DECIMAL(10, 2), ts BIGINT, addr ADDRESS, hs ARRAY<STRUCT<key STRING, value BYTES>> HEADERS, trace BYTES HEADER('trace'))
    WITH (KAFKA_TOPIC='orders', VALUE_FORMAT='JSON', PARTITIONS=3, TIMESTAMP='ts');
  CREATE TABLE users (id BIGINT PRIMARY KEY, name STRING) WITH (KAFKA_TOPIC='users', FORMAT='JSON', PARTITIONS=2);
  CREATE STREAM csv (k STRING KEY, a INT, b STRING) WITH (KAFKA_TOPIC='csv', KEY_FORMAT='KAFKA', VALUE_FORMAT='DELIMITED', VALUE_DELIMITER='TAB', PARTITIONS=1);
  CREATE SOURCE TABLE ref (code STRING PRIMARY KEY, label STRING) WITH (KAFKA_TOPIC='ref', FORMAT='JSON', PARTITIONS=1);
  CREATE TABLE windowed (id BIGINT PRIMARY KEY, n BIGINT) WITH (KAFKA_TOPIC='windowed', FORMAT='JSON', WINDOW_TYPE='TUMBLING', WINDOW_SIZE='1 MINUTE', PARTITIONS=1);
  CREATE STREAM single (v STRING) WITH (KAFKA_TOPIC='single', VALUE_FORMAT='JSON', WRAP_SINGLE_VALUE=false, PARTITIONS=1);
  SET 'auto.offset.reset'='earliest';
  CREATE STREAM big AS SELECT * FROM orders WHERE amount > 100;
  UNSET 'auto.offset.reset';
  CREATE TABLE counts AS SELECT id, COUNT(*) AS n FROM big GROUP BY id;
  CREATE STREAM stopped AS SELECT id, amount FROM orders;
  CREATE STREAM all_orders (id BIGINT KEY, amount DECIMAL(10, 2)) WITH (KAFKA_TOPIC='all_orders', FORMAT='JSON', PARTITIONS=1);
  INSERT INTO all_orders SELECT id, amount FROM orders;
  ALTER STREAM csv ADD COLUMN c DOUBLE;
  CREATE STREAM gone (id INT KEY) WITH (KAFKA_TOPIC='gone', FORMAT='JSON', PARTITIONS=1);
  DROP STREAM gone;
`;

function summary(c: CatalogView): unknown {
  return {
    sources: c
      .sources()
      .map(({ sql: _sql, createdBy, ...rest }) => ({
        ...rest,
        createdByQuery: createdBy !== undefined && !!c.query(createdBy),
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    queries: c
      .queries()
      .map(({ id: _id, ...rest }) => rest)
      .sort((a, b) => a.sink.localeCompare(b.sink)),
    types: [...c.types()].sort(),
  };
}

function exported(driver: TestDriver): string {
  return exportCatalog(driver.catalog());
}

describe('exportCatalog', () => {
  it('writes a script that rebuilds the same catalog, and exports the same script again', async () => {
    const first = new TestDriver();
    await first.execute(SCRIPT);
    const stopped = first.catalog().source('STOPPED')!.createdBy!;
    await first.execute(`TERMINATE ${stopped};`);
    const script = exported(first);

    const second = new TestDriver();
    await second.execute(script);
    expect(summary(second.catalog())).toEqual(summary(first.catalog()));
    expect(exported(second)).toBe(script);
  });

  it('orders CREATE … AS SELECT after what it reads, wraps session properties, lists paused queries', async () => {
    const driver = new TestDriver();
    await driver.execute(SCRIPT);
    const big = driver.catalog().source('BIG')!.createdBy!;
    await driver.execute(`PAUSE ${big};`);
    const script = exportCatalog(driver.catalog());
    const at = (s: string): number => script.indexOf(s);
    expect(at('CREATE TYPE ADDRESS')).toBe(0);
    expect(at('CREATE STREAM ORDERS')).toBeLessThan(at('CREATE STREAM big AS'));
    expect(at('CREATE STREAM big AS')).toBeLessThan(at('CREATE TABLE counts AS'));
    expect(at('INSERT INTO all_orders')).toBeGreaterThan(at('CREATE STREAM ALL_ORDERS'));
    expect(script).toContain(
      "SET 'auto.offset.reset'='earliest';\nCREATE STREAM big AS SELECT * FROM orders WHERE amount > 100;\nUNSET 'auto.offset.reset';",
    );
    expect(script).toContain("VALUE_DELIMITER='TAB'");
    expect(script).toContain('`C` DOUBLE'.replace(/`/g, ''));
    expect(script).not.toContain('GONE');
    expect(
      exportCatalog(driver.catalog(), { partitions: (t) => (t === 'orders' ? 3 : undefined) }),
    ).toContain(
      "KAFKA_TOPIC='orders', KEY_FORMAT='KAFKA', VALUE_FORMAT='JSON', PARTITIONS=3, TIMESTAMP='TS'",
    );
    expect(script).toContain(`-- Paused when exported (pause them again after the import): ${big}`);
  });
});
