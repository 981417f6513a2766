import { describe, expect, it } from 'vitest';
import { TypedKsqlEntitySchema } from '../../../lib/contracts/ksql-entities';
import { TestDriver } from '../../testing/test-driver';

async function run(driver: TestDriver, sql: string): Promise<Record<string, unknown>[]> {
  const entities = (await driver.execute(sql)) as Record<string, unknown>[];
  for (const e of entities) {
    const parsed = TypedKsqlEntitySchema.safeParse(e);
    if (!parsed.success) throw new Error(`${JSON.stringify(e)}\n${parsed.error.message}`);
  }
  return entities;
}

async function setUp(): Promise<TestDriver> {
  const driver = new TestDriver();
  await run(
    driver,
    `CREATE TYPE ADDRESS AS STRUCT<street STRING, zip INT>;
     CREATE STREAM orders (id BIGINT KEY, amount DECIMAL(10, 2), addr ADDRESS)
       WITH (KAFKA_TOPIC='orders', VALUE_FORMAT='JSON', PARTITIONS=3);
     CREATE TABLE users (id BIGINT PRIMARY KEY, name STRING) WITH (KAFKA_TOPIC='users', FORMAT='JSON', PARTITIONS=1);
     CREATE STREAM big AS SELECT * FROM orders WHERE amount > 100;`,
  );
  return driver;
}

describe('introspection entities (ksqlDB shapes)', () => {
  it('lists streams and tables', async () => {
    const driver = await setUp();
    const [streams, tables] = await run(driver, 'SHOW STREAMS; LIST TABLES;');
    expect(streams).toMatchObject({
      '@type': 'streams',
      streams: [
        {
          type: 'STREAM',
          name: 'BIG',
          topic: 'BIG',
          keyFormat: 'KAFKA',
          valueFormat: 'JSON',
          isWindowed: false,
        },
        { type: 'STREAM', name: 'ORDERS', topic: 'orders' },
      ],
    });
    expect(tables).toMatchObject({ '@type': 'tables', tables: [{ name: 'USERS', type: 'TABLE' }] });
  });

  it('describes a source with its fields, topic shape and queries', async () => {
    const driver = await setUp();
    const [d] = await run(driver, 'DESCRIBE orders EXTENDED;');
    const desc = d!.sourceDescription as Record<string, unknown>;
    expect(desc).toMatchObject({
      name: 'ORDERS',
      type: 'STREAM',
      topic: 'orders',
      partitions: 3,
      replication: 1,
      extended: true,
      writeQueries: [],
      readQueries: [{ id: expect.stringMatching(/^CSAS_BIG_\d+$/), queryType: 'PERSISTENT', sinks: ['BIG'] }],
    });
    expect(desc.fields).toEqual([
      { name: 'ID', schema: { type: 'BIGINT', fields: null, memberSchema: null }, type: 'KEY' },
      {
        name: 'AMOUNT',
        schema: {
          type: 'DECIMAL',
          fields: null,
          memberSchema: null,
          parameters: { precision: 10, scale: 2 },
        },
      },
      {
        name: 'ADDR',
        schema: {
          type: 'STRUCT',
          memberSchema: null,
          fields: [
            { name: 'STREET', schema: { type: 'STRING', fields: null, memberSchema: null } },
            { name: 'ZIP', schema: { type: 'INTEGER', fields: null, memberSchema: null } },
          ],
        },
      },
    ]);
  });

  it('shows types as schema infos, functions, variables and properties with overrides', async () => {
    const driver = await setUp();
    const [types, functions, vars, props] = await run(
      driver,
      "SHOW TYPES; SHOW FUNCTIONS; DEFINE fmt = 'JSON'; SHOW VARIABLES; SET 'auto.offset.reset'='earliest'; SHOW PROPERTIES;",
    );
    expect(types).toMatchObject({ types: { ADDRESS: { type: 'STRUCT' } } });
    expect((functions!.functions as { name: string }[]).some((f) => f.name === 'SUBSTRING')).toBe(true);
    expect(vars).toMatchObject({ variables: [{ name: 'fmt', value: 'JSON' }] });
    const properties = props!.properties as { name: string; value: string }[];
    expect(properties.find((p) => p.name === 'ksql.streams.auto.offset.reset')?.value).toBe('earliest');
    expect(props!.overwrittenProperties).toEqual(['ksql.streams.auto.offset.reset']);
    expect(props!.defaultProperties).toContain('ksql.persistence.default.format.key');
  });

  it('describes a function and lists queries', async () => {
    const driver = await setUp();
    const [fn, queries, extended] = await run(
      driver,
      'DESCRIBE FUNCTION substring; SHOW QUERIES; SHOW QUERIES EXTENDED;',
    );
    expect(fn).toMatchObject({ '@type': 'describe_function', name: 'SUBSTRING', type: 'SCALAR' });
    expect(queries).toMatchObject({
      queries: [{ sinks: ['BIG'], sinkKafkaTopics: ['BIG'], queryType: 'PERSISTENT', state: 'RUNNING' }],
    });
    expect(extended).toMatchObject({
      '@type': 'query_descriptions',
      queryDescriptions: [
        { sources: ['ORDERS'], sinks: ['BIG'], executionPlan: expect.stringContaining('>') },
      ],
    });
  });
});

describe('DROP … CASCADE', () => {
  it('refuses a plain DROP that would break a query, naming it and suggesting CASCADE', async () => {
    const driver = await setUp();
    await expect(driver.execute('DROP STREAM orders;')).rejects.toThrow(
      /read from this source: \[CSAS_BIG_\d+\][\s\S]*CASCADE/,
    );
  });

  it('terminates dependents and drops what they created, transitively, and says so', async () => {
    const driver = await setUp();
    await run(
      driver,
      `CREATE STREAM bigger AS SELECT * FROM big WHERE amount > 1000;
       CREATE STREAM copy (id BIGINT KEY, amount DECIMAL(10, 2), addr ADDRESS) WITH (KAFKA_TOPIC='copy', FORMAT='JSON', PARTITIONS=1);
       INSERT INTO copy SELECT * FROM orders;`,
    );
    const [status] = await run(driver, 'DROP STREAM orders CASCADE;');
    const message = (status!.commandStatus as { message: string }).message;
    expect(message).toMatch(/Source `ORDERS` \(topic: orders\) was dropped\. Cascade: terminated queries/);
    expect(message).toMatch(/dropped sources \[BIG, BIGGER\]/);
    const catalog = driver.catalog();
    expect(
      catalog
        .sources()
        .map((s) => s.name)
        .sort(),
    ).toEqual(['COPY', 'USERS']);
    expect(catalog.queries()).toEqual([]);
  });
});
