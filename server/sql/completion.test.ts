import { describe, expect, it } from 'vitest';
import { complete } from './completion';
import type { CompletionCatalog } from './completion-catalog';

const CATALOG: CompletionCatalog = {
  sources: [
    {
      name: 'ORDERS',
      kind: 'STREAM',
      columns: [
        { name: 'ID', type: 'BIGINT', key: true },
        { name: 'AMOUNT', type: 'DOUBLE' },
        { name: 'userId', type: 'STRING' },
      ],
    },
    {
      name: 'USERS',
      kind: 'TABLE',
      columns: [
        { name: 'UID', type: 'STRING', key: true },
        { name: 'NAME', type: 'STRING' },
      ],
    },
  ],
  functions: [
    {
      name: 'SUBSTRING',
      description: 'Part of a string',
      signatures: ['SUBSTRING(str STRING, pos INT) -> STRING'],
    },
    { name: 'SUM', signatures: ['SUM(col BIGINT) -> BIGINT'], kind: 'aggregate' },
  ],
  types: ['ADDRESS'],
  queries: ['CSAS_BIG_1'],
  topics: ['orders-topic'],
  variables: { fmt: 'JSON' },
};

/** `|` marks the cursor. */
function labels(textWithCursor: string): string[] {
  const at = textWithCursor.indexOf('|');
  return complete(textWithCursor.replace('|', ''), at, CATALOG).map((i) => `${i.kind}:${i.label}`);
}

describe('completion', () => {
  it.each<[string, string[], string[]]>([
    ['|', ['keyword:SELECT', 'keyword:CREATE', 'keyword:SHOW', 'keyword:INSERT'], ['stream:ORDERS']],
    ['sel|', ['keyword:SELECT'], ['keyword:CREATE']],
    ['SELECT * FROM |', ['stream:ORDERS', 'table:USERS'], ['keyword:SELECT']],
    ['SELECT * FROM us|', ['table:USERS'], ['stream:ORDERS']],
    [
      'SELECT * FROM orders |',
      ['keyword:JOIN', 'keyword:WHERE', 'keyword:GROUP BY', 'keyword:EMIT', 'keyword:LIMIT', 'keyword:LEFT'],
      ['column:ID'],
    ],
    [
      'SELECT * FROM orders WHERE amount > 1 |',
      ['keyword:AND', 'keyword:OR', 'keyword:EMIT', 'keyword:GROUP BY'],
      ['keyword:WHERE'],
    ],
    [
      'SELECT * FROM orders WHERE amount |',
      ['keyword:BETWEEN', 'keyword:IN', 'keyword:LIKE', 'keyword:IS', 'keyword:NOT'],
      [],
    ],
    [
      'SELECT | FROM orders',
      ['column:ID', 'column:AMOUNT', 'function:SUBSTRING', 'keyword:CASE', 'keyword:CAST'],
      ['column:UID'],
    ],
    ['SELECT am| FROM orders', ['column:AMOUNT'], ['column:ID', 'function:SUM']],
    ['SELECT o.| FROM orders o JOIN users u ON o.id = u.uid', ['column:ID', 'column:AMOUNT'], ['column:UID']],
    ['SELECT * FROM orders o JOIN users u ON o.id = u.|', ['column:UID', 'column:NAME'], ['column:AMOUNT']],
    ['SELECT * FROM orders o JOIN users u ON o.id = u.n|', ['column:NAME'], ['column:UID']],
    ['SELECT * FROM orders JOIN |', ['stream:ORDERS', 'table:USERS'], []],
    ['SELECT * FROM orders WINDOW |', ['keyword:TUMBLING', 'keyword:HOPPING', 'keyword:SESSION'], []],
    [
      'SELECT * FROM orders WINDOW TUMBLING (SIZE 5 |',
      ['keyword:SECONDS', 'keyword:MINUTES', 'keyword:MILLISECONDS'],
      [],
    ],
    ['SELECT * FROM orders EMIT |', ['keyword:CHANGES', 'keyword:FINAL'], []],
    ['CREATE |', ['keyword:STREAM', 'keyword:TABLE', 'keyword:OR', 'keyword:TYPE', 'keyword:SOURCE'], []],
    [
      'CREATE STREAM s (a |',
      ['type:STRING', 'type:BIGINT', 'type:DECIMAL', 'type:ADDRESS', 'type:ARRAY'],
      ['keyword:STRING'],
    ],
    ['CREATE STREAM s (a INT |', ['keyword:KEY', 'keyword:PRIMARY', 'keyword:HEADERS', 'keyword:HEADER'], []],
    [
      'CREATE STREAM s (a INT) WITH (|',
      ['property:KAFKA_TOPIC', 'property:VALUE_FORMAT', 'property:PARTITIONS'],
      ['property:QUERY_ID'],
    ],
    [
      "CREATE STREAM s (a INT) WITH (kafka_topic='s', value_f|",
      ['property:VALUE_FORMAT'],
      ['property:KAFKA_TOPIC'],
    ],
    ['CREATE STREAM s AS SELECT * FROM orders; CREATE STREAM t WITH (|', ['property:KAFKA_TOPIC'], []],
    [
      'CREATE STREAM t WITH (|) AS SELECT * FROM orders',
      ['property:QUERY_ID', 'property:KAFKA_TOPIC'],
      ['property:WINDOW_TYPE'],
    ],
    [
      'CREATE STREAM s (a INT) WITH (VALUE_FORMAT=|',
      [
        "value:'JSON'",
        "value:'KAFKA'",
        "value:'DELIMITED'",
        "value:'NONE'",
        "value:'AVRO'",
        "value:'PROTOBUF'",
        "value:'JSON_SR'",
      ],
      [],
    ],
    [
      "CREATE STREAM s (a INT) WITH (VALUE_FORMAT='JS|",
      ["value:'JSON'", "value:'JSON_SR'"],
      ["value:'KAFKA'"],
    ],
    ['CREATE STREAM s (a INT) WITH (wrap_single_value=|', ['value:true', 'value:false'], []],
    ['INSERT INTO |', ['stream:ORDERS', 'table:USERS'], []],
    ['INSERT INTO orders (|', ['column:ID', 'column:AMOUNT', 'column:userId'], ['column:UID']],
    ['DROP TABLE |', ['table:USERS', 'keyword:IF'], ['stream:ORDERS']],
    ['DROP STREAM |', ['stream:ORDERS'], ['table:USERS']],
    [
      'DESCRIBE |',
      ['stream:ORDERS', 'table:USERS', 'keyword:STREAMS', 'keyword:FUNCTION', 'keyword:EXTENDED'],
      [],
    ],
    ['DESCRIBE FUNCTION |', ['function:SUBSTRING', 'function:SUM'], ['stream:ORDERS']],
    ['TERMINATE |', ['value:CSAS_BIG_1', 'keyword:ALL'], []],
    ['PRINT |', ["value:'orders-topic'"], []],
    ['SHOW |', ['keyword:STREAMS', 'keyword:TABLES', 'keyword:TOPICS', 'keyword:QUERIES', 'keyword:ALL'], []],
    ['SELECT * FROM orders -- a comment |', [], ['keyword:WHERE']],
    ["SELECT 'abc|' FROM orders", [], ['column:ID']],
    ['SELECT * FROM orders; SHOW |', ['keyword:STREAMS'], ['stream:ORDERS']],
  ])('%s', (text, include, exclude) => {
    const got = labels(text);
    for (const x of include) expect(got).toContain(x);
    for (const x of exclude) expect(got).not.toContain(x);
    if (include.length === 0) expect(got).toEqual([]);
  });

  it('describes items: column types, function signatures, property values', () => {
    const items = complete('SELECT  FROM orders', 7, CATALOG);
    expect(items.find((i) => i.label === 'ID')).toMatchObject({
      kind: 'column',
      detail: 'BIGINT KEY · ORDERS',
      insertText: 'ID',
    });
    expect(items.find((i) => i.label === 'userId')).toMatchObject({ insertText: '`userId`' });
    expect(items.find((i) => i.label === 'SUBSTRING')).toMatchObject({
      kind: 'function',
      detail: 'SUBSTRING(str STRING, pos INT) -> STRING',
      documentation: 'Part of a string',
    });
    const props = complete('CREATE STREAM s (a INT) WITH (', 30, CATALOG);
    expect(props.find((i) => i.label === 'VALUE_FORMAT')?.detail).toContain("'JSON'");
  });

  it('never fails on any cursor position', () => {
    const text =
      "CREATE STREAM s (a INT, `b` STRING) WITH (kafka_topic='t'); SELECT a, f(b) FROM s WHERE a > 1 EMIT CHANGES;";
    for (let i = 0; i <= text.length; i++) expect(() => complete(text, i, CATALOG)).not.toThrow();
  });
});
