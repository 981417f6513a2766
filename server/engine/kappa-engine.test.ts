import { describe, expect, it } from 'vitest';
import { inMemoryEngine } from './testing/in-memory-engine';

const orders = `CREATE STREAM orders (id BIGINT KEY, amount DOUBLE, tags ARRAY<STRING>) WITH (KAFKA_TOPIC='orders', VALUE_FORMAT='JSON');`;

describe('KappaEngine', () => {
  it('reports binding problems of a script in place, seeing what earlier statements create', async () => {
    const { engine } = inMemoryEngine({ orders: 2 });
    const text = `${orders}\nCREATE STREAM big AS SELECT * FROM orders WHERE amont > 1;\nSELECT * FROM nope EMIT CHANGES;`;
    const diagnostics = await engine.diagnose(text);
    expect(diagnostics.map((d) => [d.severity, d.span.startLine, d.message])).toEqual([
      ['error', 2, expect.stringMatching(/AMONT/)],
      ['error', 3, expect.stringMatching(/NOPE/)],
    ]);
    expect(engine.catalog().sources()).toEqual([]); // nothing ran
  });

  it('completes names from the catalog and formats scripts', async () => {
    const { engine } = inMemoryEngine({ orders: 2 });
    await engine.execute(orders);
    const items = engine.complete('SELECT  FROM orders;', 7);
    expect(items.some((i) => i.label === 'AMOUNT')).toBe(true);
    expect(engine.complete('SELECT * FROM ', 14).some((i) => i.label === 'ORDERS')).toBe(true);
    expect(engine.format('select id from orders emit changes').text).toBe(
      'SELECT ID\nFROM ORDERS\nEMIT CHANGES;',
    );
    expect(engine.format('select from').text).toBeNull();
  });

  it('validates /inserts-stream rows against the schema and writes them with the source formats', async () => {
    const { engine, written } = inMemoryEngine({ orders: 2 });
    await engine.execute(orders);
    expect(await engine.insertRow('orders', { ID: 7, amount: '12.5', tags: ['a'], ROWTIME: 42 })).toEqual({
      ok: true,
    });
    expect(written).toHaveLength(1);
    expect(written[0]!.topic).toBe('orders');
    expect(written[0]!.record.timestamp).toBe(42);
    expect(JSON.parse(written[0]!.record.value!.toString())).toEqual({ AMOUNT: 12.5, TAGS: ['a'] });
    expect(await engine.insertRow('orders', { nope: 1 })).toMatchObject({ ok: false, code: 40000 });
    expect(await engine.insertRow('orders', { id: 1, amount: 'x' })).toMatchObject({
      ok: false,
      code: 40000,
    });
    expect(await engine.insertRow('missing', { id: 1 })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/unknown/),
    });
  });

  it('tells catalog listeners the new command sequence number and serves statuses', async () => {
    const { engine } = inMemoryEngine({ orders: 2 });
    const seen: number[] = [];
    engine.onCatalogChanged((seq) => seen.push(seq));
    await engine.execute(`${orders} CREATE STREAM big AS SELECT * FROM orders;`);
    expect(seen).toEqual([0, 2]);
    expect(engine.commandSequenceNumber()).toBe(2);
    expect(engine.commandStatuses().get('stream/`BIG`/create')).toEqual({
      status: 'SUCCESS',
      message: 'Created query with ID CSAS_BIG_1',
      queryId: 'CSAS_BIG_1',
    });
  });

  it('waits for a commandSequenceNumber and answers 50301 when it never comes', async () => {
    const { engine } = inMemoryEngine();
    await expect(
      engine.execute('SHOW STREAMS;', { commandSequenceNumber: 10, commandTimeoutMs: 20 }),
    ).rejects.toMatchObject({
      code: 50301,
    });
  });
});
