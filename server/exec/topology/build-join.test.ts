import { describe, expect, it } from 'vitest';
import { TestDriver } from '../../testing/test-driver';

const json = (v: unknown): Buffer => Buffer.from(JSON.stringify(v));
const parse = (b: Buffer | null): unknown => (b === null ? null : JSON.parse(b.toString()));

type Input = readonly [topic: string, key: unknown, value: unknown, ts: number];

async function run(script: string, inputs: readonly Input[], output = 'OUTPUT'): Promise<unknown[]> {
  const driver = new TestDriver();
  await driver.execute(script);
  for (const [topic, key, value, timestamp] of inputs) {
    driver.produce({ topic, key: json(key), value: value === null ? null : json(value), timestamp });
  }
  return driver.records(output).map((r) => [parse(r.key), parse(r.value), r.timestamp]);
}

describe('joins end to end', () => {
  it('re-keys a stream side on a value column and joins within the window', async () => {
    const out = await run(
      `CREATE STREAM views (id STRING KEY, user_id INT, page STRING) WITH (kafka_topic='views', format='JSON');
       CREATE STREAM clicks (user_id INT KEY, target STRING) WITH (kafka_topic='clicks', format='JSON');
       CREATE STREAM output AS SELECT v.user_id, page, target
         FROM views v LEFT JOIN clicks c WITHIN 10 SECONDS ON v.user_id = c.user_id;`,
      [
        ['views', 'v1', { user_id: 7, page: 'home' }, 1000],
        ['clicks', 7, { target: 'buy' }, 4000],
        ['views', 'v2', { user_id: 8, page: 'cart' }, 5000],
      ],
    );
    expect(out).toEqual([
      [7, { PAGE: 'home', TARGET: null }, 1000],
      [7, { PAGE: 'home', TARGET: 'buy' }, 4000],
      [8, { PAGE: 'cart', TARGET: null }, 5000],
    ]);
  });

  it('joins a stream to the table as it stands when each stream record arrives', async () => {
    const out = await run(
      `CREATE STREAM orders (id INT KEY, customer INT) WITH (kafka_topic='orders', format='JSON');
       CREATE TABLE customers (id INT PRIMARY KEY, name STRING) WITH (kafka_topic='customers', format='JSON');
       CREATE STREAM output AS SELECT o.customer, o.id AS order_id, name
         FROM orders o JOIN customers c ON o.customer = c.id;`,
      [
        ['orders', 1, { customer: 10 }, 1],
        ['customers', 10, { name: 'ann' }, 2],
        ['orders', 2, { customer: 10 }, 3],
        ['customers', 10, { name: 'anne' }, 4],
        ['customers', 10, null, 5],
        ['orders', 3, { customer: 10 }, 6],
        ['orders', 4, { customer: null }, 7],
      ],
    );
    expect(out).toEqual([[10, { ORDER_ID: 2, NAME: 'ann' }, 3]]);
  });

  it('keeps a FULL OUTER table join under its synthetic key, deleting rows that disappear', async () => {
    const out = await run(
      `CREATE TABLE a (id INT PRIMARY KEY, x STRING) WITH (kafka_topic='a', format='JSON');
       CREATE TABLE b (id INT PRIMARY KEY, y STRING) WITH (kafka_topic='b', format='JSON');
       CREATE TABLE output AS SELECT ROWKEY AS id, x, y FROM a FULL JOIN b ON a.id = b.id;`,
      [
        ['b', 1, { y: 'q' }, 1],
        ['a', 1, { x: 'p' }, 2],
        ['b', 1, null, 3],
        ['a', 1, null, 4],
      ],
    );
    expect(out).toEqual([
      [1, { X: null, Y: 'q' }, 1],
      [1, { X: 'p', Y: 'q' }, 2],
      [1, { X: 'p', Y: null }, 3],
      [1, null, 4],
    ]);
  });

  it('chains joins left-deep and keeps the first join key when later joins use it', async () => {
    const out = await run(
      `CREATE STREAM s (id INT KEY, v INT) WITH (kafka_topic='s', format='JSON');
       CREATE TABLE t2 (id INT PRIMARY KEY, v INT) WITH (kafka_topic='t2', format='JSON');
       CREATE TABLE t3 (id INT PRIMARY KEY, v INT) WITH (kafka_topic='t3', format='JSON');
       CREATE STREAM output AS SELECT t3.id, s.v AS sv, t2.v AS v2, t3.v AS v3
         FROM s LEFT JOIN t2 ON s.id = t2.id LEFT JOIN t3 ON s.id = t3.id;`,
      [
        ['t3', 1, { v: 3 }, 1],
        ['s', 1, { v: 10 }, 2],
        ['t2', 1, { v: 2 }, 3],
        ['s', 1, { v: 11 }, 4],
      ],
    );
    expect(out).toEqual([
      [1, { SV: 10, V2: null, V3: 3 }, 2],
      [1, { SV: 11, V2: 2, V3: 3 }, 4],
    ]);
  });

  it('joins on several columns at once (Kappa extension)', async () => {
    const out = await run(
      `CREATE STREAM l (id INT KEY, region STRING, shop INT, amount INT) WITH (kafka_topic='l', format='JSON');
       CREATE STREAM r (id INT KEY, region STRING, shop INT, manager STRING) WITH (kafka_topic='r', format='JSON');
       CREATE STREAM output AS SELECT l.region, l.shop, amount, manager
         FROM l JOIN r WITHIN 1 MINUTE ON l.region = r.region AND l.shop = r.shop;`,
      [
        ['r', 1, { region: 'eu', shop: 1, manager: 'kim' }, 1],
        ['r', 2, { region: 'eu', shop: 2, manager: 'lee' }, 2],
        ['l', 3, { region: 'eu', shop: 2, amount: 5 }, 3],
        ['l', 4, { region: 'us', shop: 1, amount: 6 }, 4],
      ],
    );
    expect(out).toEqual([[{ L_REGION: 'eu', L_SHOP: 2 }, { AMOUNT: 5, MANAGER: 'lee' }, 3]]);
  });

  it('joins a stream to a table with a composite primary key on all of its columns', async () => {
    const out = await run(
      `CREATE STREAM sales (id INT KEY, region STRING, shop INT, amount INT) WITH (kafka_topic='sales', format='JSON');
       CREATE TABLE shops (region STRING PRIMARY KEY, shop INT PRIMARY KEY, manager STRING)
         WITH (kafka_topic='shops', format='JSON');
       CREATE STREAM output AS SELECT s.shop, s.region, amount, manager
         FROM sales s LEFT JOIN shops t ON s.shop = t.shop AND s.region = t.region;`,
      [
        ['shops', { REGION: 'eu', SHOP: 2 }, { manager: 'lee' }, 1],
        ['sales', 1, { region: 'eu', shop: 2, amount: 5 }, 2],
        ['sales', 2, { region: 'eu', shop: 3, amount: 6 }, 3],
      ],
    );
    // The key follows the table's key order, whatever the order of the equalities.
    expect(out).toEqual([
      [{ S_REGION: 'eu', S_SHOP: 2 }, { AMOUNT: 5, MANAGER: 'lee' }, 2],
      [{ S_REGION: 'eu', S_SHOP: 3 }, { AMOUNT: 6, MANAGER: null }, 3],
    ]);
  });

  it('joins a table to another through a foreign key', async () => {
    const out = await run(
      `CREATE TABLE orders (id INT PRIMARY KEY, customer INT, total INT) WITH (kafka_topic='orders', format='JSON');
       CREATE TABLE customers (id INT PRIMARY KEY, name STRING) WITH (kafka_topic='customers', format='JSON');
       CREATE TABLE output AS SELECT o.id, total, name FROM orders o JOIN customers c ON o.customer = c.id;`,
      [
        ['customers', 10, { name: 'ann' }, 1],
        ['orders', 1, { customer: 10, total: 5 }, 2],
        ['orders', 2, { customer: 10, total: 7 }, 3],
        ['customers', 10, { name: 'anne' }, 4],
        ['orders', 1, { customer: 11, total: 5 }, 5],
      ],
    );
    expect(out).toEqual([
      [1, { TOTAL: 5, NAME: 'ann' }, 2],
      [2, { TOTAL: 7, NAME: 'ann' }, 3],
      [1, { TOTAL: 5, NAME: 'anne' }, 4],
      [2, { TOTAL: 7, NAME: 'anne' }, 4],
      [1, null, 5],
    ]);
  });

  it('aggregates over a table join, retracting a joined row before counting its update', async () => {
    const out = await run(
      `CREATE TABLE users (id INT PRIMARY KEY, team INT) WITH (kafka_topic='users', format='JSON');
       CREATE TABLE teams (id INT PRIMARY KEY, name STRING) WITH (kafka_topic='teams', format='JSON');
       CREATE TABLE output AS SELECT name, COUNT(*) AS n
         FROM users u JOIN teams t ON u.team = t.id GROUP BY name;`,
      [
        ['teams', 1, { name: 'red' }, 1],
        ['teams', 2, { name: 'blue' }, 2],
        ['users', 100, { team: 1 }, 3],
        ['users', 100, { team: 2 }, 4],
      ],
    );
    expect(out).toEqual([
      ['red', { N: 1 }, 3],
      ['red', { N: 0 }, 4],
      ['blue', { N: 1 }, 4],
    ]);
  });
});
