import { describe, expect, it } from 'vitest';
import { parseOk } from './testing/parse-ok';

describe('CREATE STREAM / TABLE', () => {
  it.each([
    [
      "CREATE STREAM pageviews (user_id VARCHAR KEY, page VARCHAR, ts BIGINT) WITH (KAFKA_TOPIC='pv', VALUE_FORMAT='JSON', PARTITIONS=4);",
      {
        kind: 'CreateSourceStmt',
        sourceType: 'STREAM',
        orReplace: false,
        isSource: false,
        ifNotExists: false,
        name: { name: 'PAGEVIEWS' },
        elements: [
          {
            name: { name: 'USER_ID' },
            type: { kind: 'BuiltinType', type: { kind: 'STRING' } },
            constraint: { kind: 'Key' },
          },
          { name: { name: 'PAGE' }, type: { type: { kind: 'STRING' } } },
          { name: { name: 'TS' }, type: { type: { kind: 'BIGINT' } } },
        ],
        properties: [
          { name: 'KAFKA_TOPIC', value: { kind: 'StringLiteral', value: 'pv' } },
          { name: 'VALUE_FORMAT', value: { kind: 'StringLiteral', value: 'JSON' } },
          { name: 'PARTITIONS', value: { kind: 'IntegerLiteral', value: 4 } },
        ],
      },
    ],
    [
      "create or replace source table if not exists `Users` (id int primary key, v string) with (kafka_topic='u', format='JSON')",
      {
        kind: 'CreateSourceStmt',
        sourceType: 'TABLE',
        orReplace: true,
        isSource: true,
        ifNotExists: true,
        name: { name: 'Users' },
      },
    ],
    [
      "CREATE STREAM s (k STRING KEY, hs ARRAY<STRUCT<key STRING, value BYTES>> HEADERS, h1 BYTES HEADER('trace')) WITH (kafka_topic='t', value_format='json')",
      {
        elements: [
          { constraint: { kind: 'Key' } },
          { constraint: { kind: 'Headers' } },
          { constraint: { kind: 'Header', key: 'trace' } },
        ],
      },
    ],
    [
      "CREATE STREAM s WITH (kafka_topic='t', value_format='AVRO')",
      {
        kind: 'CreateSourceStmt',
        elements: [],
        properties: [{ name: 'KAFKA_TOPIC' }, { name: 'VALUE_FORMAT' }],
      },
    ],
    [
      "CREATE TABLE t (id INT PRIMARY KEY, addr ADDRESS, tags ARRAY<TAG>) WITH ('kafka_topic'='t', wrap_single_value=false, x=-1.5, y=NULL)",
      {
        elements: [
          {},
          { type: { kind: 'CustomType', name: { name: 'ADDRESS' } } },
          { type: { kind: 'ArrayType', element: { kind: 'CustomType', name: { name: 'TAG' } } } },
        ],
        properties: [
          { name: 'KAFKA_TOPIC' },
          { name: 'WRAP_SINGLE_VALUE', value: { kind: 'BooleanLiteral', value: false } },
          { name: 'X', value: { kind: 'DecimalLiteral', value: '-1.5' } },
          { name: 'Y', value: { kind: 'NullLiteral' } },
        ],
      },
    ],
    [
      "CREATE STREAM s (size INT, value STRING, timestamp BIGINT, key STRING KEY, id INT, name STRING, topic STRING) WITH (kafka_topic='t')",
      {
        elements: [
          { name: { name: 'SIZE' } },
          { name: { name: 'VALUE' } },
          {},
          { name: { name: 'KEY' } },
          {},
          {},
          {},
        ],
      },
    ],
  ])('%s', (sql, expected) => {
    expect(parseOk(sql)).toMatchObject(expected);
  });
});

describe('CREATE ... AS SELECT and INSERT', () => {
  it('parses CSAS with properties', () => {
    const s = parseOk(
      "CREATE STREAM big WITH (KAFKA_TOPIC='big', PARTITIONS=4) AS SELECT * FROM orders WHERE amount > 100 EMIT CHANGES;",
    );
    expect(s).toMatchObject({
      kind: 'CreateAsSelectStmt',
      sourceType: 'STREAM',
      name: { name: 'BIG' },
      properties: [{ name: 'KAFKA_TOPIC' }, { name: 'PARTITIONS' }],
      query: { kind: 'SelectStmt', emit: 'CHANGES', from: { name: { name: 'ORDERS' } } },
    });
    if (s.kind !== 'CreateAsSelectStmt') throw new Error('kind');
    expect(s.query.text).toBe('SELECT * FROM orders WHERE amount > 100 EMIT CHANGES');
    expect(s.text).toBe(
      "CREATE STREAM big WITH (KAFKA_TOPIC='big', PARTITIONS=4) AS SELECT * FROM orders WHERE amount > 100 EMIT CHANGES",
    );
  });

  it('parses CREATE OR REPLACE TABLE IF NOT EXISTS ... AS SELECT', () => {
    expect(
      parseOk('CREATE OR REPLACE TABLE IF NOT EXISTS c AS SELECT id, COUNT(*) FROM s GROUP BY id;'),
    ).toMatchObject({
      kind: 'CreateAsSelectStmt',
      sourceType: 'TABLE',
      orReplace: true,
      ifNotExists: true,
    });
  });

  it('parses INSERT INTO ... SELECT with a query id', () => {
    expect(
      parseOk("INSERT INTO all_orders WITH (QUERY_ID='MY_Q') SELECT * FROM web_orders EMIT CHANGES;"),
    ).toMatchObject({
      kind: 'InsertIntoSelectStmt',
      target: { name: 'ALL_ORDERS' },
      properties: [{ name: 'QUERY_ID', value: { value: 'MY_Q' } }],
      query: { from: { name: { name: 'WEB_ORDERS' } } },
    });
  });

  it('parses INSERT VALUES with and without columns', () => {
    expect(
      parseOk("INSERT INTO foo (ROWTIME, key_col, col_a) VALUES (1510923225000, 'key', -1 + 2);"),
    ).toMatchObject({
      kind: 'InsertValuesStmt',
      columns: [{ name: 'ROWTIME' }, { name: 'KEY_COL' }, { name: 'COL_A' }],
      values: [
        { kind: 'BigIntLiteral', value: 1510923225000n },
        { kind: 'StringLiteral' },
        { kind: 'Arithmetic' },
      ],
    });
    const s = parseOk("INSERT INTO foo VALUES ('a', ARRAY[1], MAP('k' := 1), STRUCT(a := 1))");
    expect(s).toMatchObject({ kind: 'InsertValuesStmt', values: [{}, {}, {}, {}] });
    expect('columns' in s).toBe(false);
  });
});

describe('DROP, ALTER and types', () => {
  it.each([
    [
      'DROP STREAM IF EXISTS s DELETE TOPIC;',
      { kind: 'DropSourceStmt', sourceType: 'STREAM', ifExists: true, deleteTopic: true },
    ],
    [
      'drop table t',
      {
        kind: 'DropSourceStmt',
        sourceType: 'TABLE',
        ifExists: false,
        deleteTopic: false,
        name: { name: 'T' },
      },
    ],
    [
      'ALTER STREAM s ADD COLUMN c STRING, ADD d INT;',
      {
        kind: 'AlterSourceStmt',
        sourceType: 'STREAM',
        addColumns: [
          { name: { name: 'C' }, type: { type: { kind: 'STRING' } } },
          { name: { name: 'D' }, type: { type: { kind: 'INTEGER' } } },
        ],
      },
    ],
    [
      'CREATE TYPE ADDRESS AS STRUCT<street STRING, zip INT>;',
      {
        kind: 'CreateTypeStmt',
        ifNotExists: false,
        name: { name: 'ADDRESS' },
        type: {
          kind: 'BuiltinType',
          type: {
            kind: 'STRUCT',
            fields: [
              { name: 'STREET', type: { kind: 'STRING' } },
              { name: 'ZIP', type: { kind: 'INTEGER' } },
            ],
          },
        },
      },
    ],
    [
      'CREATE TYPE IF NOT EXISTS t AS MAP<STRING, other>',
      { kind: 'CreateTypeStmt', ifNotExists: true, type: { kind: 'MapType' } },
    ],
    ['DROP TYPE IF EXISTS ADDRESS', { kind: 'DropTypeStmt', ifExists: true, name: { name: 'ADDRESS' } }],
    [
      "CREATE SOURCE CONNECTOR IF NOT EXISTS c WITH ('connector.class'='x')",
      {
        kind: 'CreateConnectorStmt',
        connectorType: 'SOURCE',
        ifNotExists: true,
        properties: [{ name: 'CONNECTOR.CLASS' }],
      },
    ],
    ['DROP CONNECTOR IF EXISTS c', { kind: 'DropConnectorStmt', ifExists: true }],
  ])('%s', (sql, expected) => {
    expect(parseOk(sql)).toMatchObject(expected);
  });
});
