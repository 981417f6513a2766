import { describe, expect, it } from 'vitest';
import { TestDriver } from './test-driver';

const json = (v: unknown): Buffer => Buffer.from(JSON.stringify(v));
const parse = (b: Buffer | null): unknown => (b === null ? null : JSON.parse(b.toString()));

describe('TestDriver', () => {
  it('runs a CSAS projection with a filter end to end through the serdes', async () => {
    const driver = new TestDriver({ now: () => 1000 });
    await driver.execute(`
      CREATE STREAM orders (id INT KEY, item STRING, amount DOUBLE) WITH (kafka_topic='orders', value_format='JSON', partitions=1);
      CREATE STREAM big AS SELECT id, UCASE(item) AS item, amount * 2 AS doubled FROM orders WHERE amount > 10;
    `);
    driver.produce({
      topic: 'orders',
      key: Buffer.from([0, 0, 0, 1]),
      value: json({ item: 'pen', amount: 5 }),
      timestamp: 1,
    });
    driver.produce({
      topic: 'orders',
      key: Buffer.from([0, 0, 0, 2]),
      value: json({ ITEM: 'book', AMOUNT: 12.5 }),
      timestamp: 2,
    });
    const out = driver.records('BIG');
    expect(out).toHaveLength(1);
    expect(out[0]?.key).toEqual(Buffer.from([0, 0, 0, 2]));
    expect(parse(out[0]!.value)).toEqual({ ITEM: 'BOOK', DOUBLED: 25 });
    expect(out[0]?.timestamp).toBe(2);
  });

  it('counts per key with GROUP BY and emits every update', async () => {
    const driver = new TestDriver();
    await driver.execute(`
      CREATE STREAM clicks (user STRING KEY, page STRING) WITH (kafka_topic='clicks', format='JSON');
      CREATE TABLE per_page AS SELECT page, COUNT(*) AS n FROM clicks GROUP BY page;
    `);
    for (const [user, page] of [
      ['a', 'home'],
      ['b', 'home'],
      ['a', 'cart'],
    ]) {
      driver.produce({ topic: 'clicks', key: json(user), value: json({ page }), timestamp: 1 });
    }
    const out = driver.records('PER_PAGE').map((r) => [parse(r.key), parse(r.value)]);
    expect(out).toEqual([
      ['home', { N: 1 }],
      ['home', { N: 2 }],
      ['cart', { N: 1 }],
    ]);
  });

  it('rejects a whole script when one statement is invalid, and runs nothing', async () => {
    const driver = new TestDriver();
    await expect(
      driver.execute(`
        CREATE STREAM s (id INT KEY, v STRING) WITH (kafka_topic='s', value_format='JSON');
        CREATE STREAM t AS SELECT nope FROM s;
      `),
    ).rejects.toThrow(/SELECT column 'NOPE' cannot be resolved/);
    expect(driver.catalog().sources()).toEqual([]);
  });

  it('forwards input headers to what a record produces, null header values included', async () => {
    const driver = new TestDriver();
    await driver.execute(`
      CREATE STREAM s (id STRING KEY, v INT, h BYTES HEADER('trace')) WITH (kafka_topic='s', format='JSON');
      CREATE STREAM t AS SELECT id, v * 2 AS w, h FROM s WHERE v > 0;
    `);
    const headers = [
      { key: 'trace', value: Buffer.from([1]) },
      { key: 'empty', value: null },
    ];
    driver.produce({ topic: 's', key: json('a'), value: json({ v: 1 }), headers, timestamp: 1 });
    const out = driver.records('T');
    expect(out.map((r) => r.headers)).toEqual([headers]);
    expect(parse(out[0]!.value)).toEqual({ W: 2, H: 'AQ==' });
  });
});
