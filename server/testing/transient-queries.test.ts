import { describe, expect, it, vi } from 'vitest';
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

  it('a push query over a stream skips records without a value (a stream has no deletes)', async () => {
    const driver = await setUp();
    const { rows } = collect(await driver.query(`SELECT sym, qty FROM trades EMIT CHANGES;`));
    driver.produce({ topic: 'trades', key: json('NUL'), value: null, timestamp: 9 });
    driver.produce({ topic: 'trades', key: json('CCC'), value: json({ price: 1, qty: 5 }), timestamp: 10 });
    await vi.waitFor(() => expect(rows.map((r) => r.values)).toContainEqual(['CCC', 5]));
    expect(rows.some((r) => r.tombstone || r.values[0] === 'NUL')).toBe(false);
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

  it('a pull query over a table answers one row per key, in key order, even without the key', async () => {
    const driver = await setUp();
    await driver.execute(`CREATE TABLE qty_by_sym AS SELECT sym, SUM(qty) AS n FROM trades GROUP BY sym;`);
    driver.produce({ topic: 'trades', key: json('000'), value: json({ price: 1, qty: 4 }), timestamp: 5 });
    const pull = async (sql: string): Promise<unknown[]> => {
      const { rows, ended } = collect(await driver.query(sql));
      expect((await ended).reason).not.toBe('error');
      return rows.map((r) => r.values);
    };
    expect(await pull('SELECT n FROM qty_by_sym;')).toEqual([[4], [4], [2]]);
    expect(await pull('SELECT * FROM qty_by_sym LIMIT 2;')).toEqual([
      ['000', 4],
      ['AAA', 4],
    ]);
  });

  it('windowed pull queries take text datetimes for WINDOWSTART; ROWTIME is the latest time in the window', async () => {
    const driver = await setUp();
    await driver.execute(
      `CREATE TABLE per_second AS SELECT sym, COUNT(*) AS n FROM trades WINDOW TUMBLING (SIZE 1 SECOND) GROUP BY sym;`,
    );
    const t0 = Date.UTC(2020, 1, 23, 23, 45, 12);
    for (const offset of [345, 211, 1_500]) {
      driver.produce({
        topic: 'trades',
        key: json('ZZZ'),
        value: json({ price: 1, qty: 1 }),
        timestamp: t0 + offset,
      });
    }
    const { rows, ended } = collect(
      await driver.query(
        `SELECT sym, WINDOWSTART, ROWTIME, n FROM per_second WHERE sym = 'ZZZ' AND WINDOWSTART >= '2020-02-23T22:45:12.000-0100' AND WINDOWSTART < '2020-02-23T23:45:13';`,
      ),
    );
    expect((await ended).reason).toBe('completed');
    expect(rows.map((r) => r.values)).toEqual([['ZZZ', t0, t0 + 345, 2]]);
    await expect(
      driver.query(`SELECT * FROM per_second WHERE WINDOWSTART > 'last tuesday';`),
    ).rejects.toThrow(/Failed to parse timestamp 'last tuesday'/);
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
