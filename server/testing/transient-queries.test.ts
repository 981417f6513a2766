import { describe, expect, it } from 'vitest';
import type { QueryEnd, QueryHandle, ResultRow } from '../engine/queries/query-handle';
import { TestDriver } from './test-driver';

const json = (v: unknown): Buffer => Buffer.from(JSON.stringify(v));

function collect(handle: QueryHandle): { rows: ResultRow[]; ended: Promise<QueryEnd> } {
  const rows: ResultRow[] = [];
  let resolve: (e: QueryEnd) => void = () => {};
  const ended = new Promise<QueryEnd>((r) => (resolve = r));
  handle.start({ rows: (batch) => rows.push(...batch), end: resolve });
  return { rows, ended };
}

async function setUp(): Promise<TestDriver> {
  const driver = new TestDriver();
  await driver.execute(
    `CREATE STREAM trades (sym STRING KEY, price DOUBLE, qty INT) WITH (kafka_topic='trades', format='JSON', partitions=2);`,
  );
  const rows: [string, number, number][] = [
    ['AAA', 10, 1],
    ['BBB', 20, 2],
    ['AAA', 12, 3],
  ];
  rows.forEach(([sym, price, qty], i) =>
    driver.produce({ topic: 'trades', key: json(sym), value: json({ price, qty }), timestamp: i }),
  );
  return driver;
}

describe('transient queries over the test driver', () => {
  it('a push query reads from the beginning, follows new records and stops at LIMIT', async () => {
    const driver = await setUp();
    const q = await driver.query(
      `SELECT sym, price * qty AS total FROM trades WHERE qty > 1 EMIT CHANGES LIMIT 3;`,
    );
    expect(q.columns.map((c) => [c.name, c.type.kind])).toEqual([
      ['SYM', 'STRING'],
      ['TOTAL', 'DOUBLE'],
    ]);
    expect(q.mode).toBe('append');
    const { rows, ended } = collect(q);
    await new Promise((r) => setTimeout(r, 20));
    driver.produce({ topic: 'trades', key: json('CCC'), value: json({ price: 1, qty: 5 }), timestamp: 9 });
    driver.produce({ topic: 'trades', key: json('DDD'), value: json({ price: 1, qty: 7 }), timestamp: 10 });
    expect(await ended).toEqual({ reason: 'limit' });
    expect(rows.map((r) => r.values)).toEqual([
      ['BBB', 40],
      ['AAA', 36],
      ['CCC', 5],
    ]);
  });

  it('a pull query aggregates the data so far and sorts it (beyond ksqlDB)', async () => {
    const driver = await setUp();
    const q = await driver.query(`SELECT sym, SUM(qty) AS n FROM trades GROUP BY sym ORDER BY n DESC;`);
    const { rows, ended } = collect(q);
    expect((await ended).reason).toBe('completed');
    expect(rows.map((r) => r.values)).toEqual([
      ['AAA', 4],
      ['BBB', 2],
    ]);
  });

  it('PRINT shows raw records with their detected formats', async () => {
    const driver = await setUp();
    const q = await driver.query(`PRINT 'trades' FROM BEGINNING LIMIT 2;`);
    const { rows, ended } = collect(q);
    expect((await ended).reason).toBe('limit');
    expect(rows).toHaveLength(2);
    expect(q.print?.header()).toMatch(/Value format: JSON/);
    expect(q.print?.line(rows[0]!)).toMatch(/key: "?AAA"?, value: \{"price":10,"qty":1\}, partition: \d/);
  });

  it('rejects bad queries with a statement error and caps concurrent push queries', async () => {
    const driver = await setUp();
    await expect(driver.query('SELECT nope FROM trades EMIT CHANGES;')).rejects.toThrow(/cannot be resolved/);
    await expect(driver.query('SHOW STREAMS;')).rejects.toThrow(/Only SELECT and PRINT/);
  });
});
