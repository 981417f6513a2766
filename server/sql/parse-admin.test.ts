import { describe, expect, it } from 'vitest';
import { parseStatement } from './script';
import { parseOk } from './testing/parse-ok';

describe('introspection, session and admin statements', () => {
  it.each([
    ['SHOW STREAMS', { kind: 'ShowStmt', target: 'STREAMS', extended: false, all: false }],
    ['LIST TABLES EXTENDED', { kind: 'ShowStmt', target: 'TABLES', extended: true }],
    ['SHOW ALL TOPICS EXTENDED', { kind: 'ShowStmt', target: 'TOPICS', all: true, extended: true }],
    ['show queries extended', { kind: 'ShowStmt', target: 'QUERIES', extended: true }],
    ['SHOW PROPERTIES', { kind: 'ShowStmt', target: 'PROPERTIES' }],
    ['SHOW FUNCTIONS', { kind: 'ShowStmt', target: 'FUNCTIONS' }],
    ['LIST TYPES', { kind: 'ShowStmt', target: 'TYPES' }],
    ['SHOW VARIABLES', { kind: 'ShowStmt', target: 'VARIABLES' }],
    ['SHOW SINK CONNECTORS', { kind: 'ShowStmt', target: 'CONNECTORS', connectorType: 'SINK' }],
    ['SHOW CONNECTOR PLUGINS', { kind: 'ShowStmt', target: 'CONNECTOR_PLUGINS' }],
    ['DESCRIBE orders', { kind: 'DescribeStmt', source: { name: 'ORDERS' }, extended: false }],
    ['DESCRIBE orders EXTENDED', { kind: 'DescribeStmt', extended: true }],
    ['DESCRIBE EXTENDED orders', { kind: 'DescribeStmt', source: { name: 'ORDERS' }, extended: true }],
    ['DESCRIBE STREAMS EXTENDED', { kind: 'DescribeSourcesStmt', target: 'STREAMS', extended: true }],
    ['DESCRIBE TABLES', { kind: 'DescribeSourcesStmt', target: 'TABLES', extended: false }],
    ['DESCRIBE FUNCTION substring', { kind: 'DescribeFunctionStmt', name: { name: 'SUBSTRING' } }],
    ['DESCRIBE function', { kind: 'DescribeStmt', source: { name: 'FUNCTION' } }],
    ['DESCRIBE CONNECTOR c', { kind: 'DescribeConnectorStmt', name: { name: 'C' } }],
    ['EXPLAIN CTAS_USER_COUNTS_3', { kind: 'ExplainStmt', queryId: { name: 'CTAS_USER_COUNTS_3' } }],
    ['EXPLAIN SELECT * FROM s EMIT CHANGES', { kind: 'ExplainStmt', statement: { kind: 'SelectStmt' } }],
    ['EXPLAIN SHOW STREAMS', { kind: 'ExplainStmt', statement: { kind: 'ShowStmt' } }],
    [
      "PRINT 'rider-locations' FROM BEGINNING INTERVAL 2 LIMIT 10",
      {
        kind: 'PrintStmt',
        topic: { value: 'rider-locations', isString: true },
        fromBeginning: true,
        interval: 2,
        limit: 10,
      },
    ],
    [
      'PRINT my_topic SAMPLE 3',
      { kind: 'PrintStmt', topic: { value: 'MY_TOPIC', isString: false }, fromBeginning: false, interval: 3 },
    ],
    [
      'TERMINATE CSAS_BIG_ORDERS_3',
      { kind: 'TerminateStmt', queryId: { name: 'CSAS_BIG_ORDERS_3' }, all: false },
    ],
    ['TERMINATE ALL', { kind: 'TerminateStmt', all: true }],
    ['PAUSE CTAS_X_5', { kind: 'PauseStmt', queryId: { name: 'CTAS_X_5' } }],
    ['RESUME ALL', { kind: 'ResumeStmt', all: true }],
    [
      "SET 'auto.offset.reset'='earliest'",
      { kind: 'SetPropertyStmt', name: 'auto.offset.reset', value: 'earliest' },
    ],
    ["UNSET 'auto.offset.reset'", { kind: 'UnsetPropertyStmt', name: 'auto.offset.reset' }],
    ["ALTER SYSTEM 'ksql.x'='y'", { kind: 'AlterSystemStmt', name: 'ksql.x', value: 'y' }],
    [
      "DEFINE fmt = 'JSON'",
      { kind: 'DefineVariableStmt', name: { name: 'FMT', text: 'fmt' }, value: 'JSON' },
    ],
    ['UNDEFINE fmt', { kind: 'UndefineVariableStmt', name: { name: 'FMT' } }],
    ["RUN SCRIPT '/path/file.sql'", { kind: 'RunScriptStmt', path: '/path/file.sql' }],
  ])('%s', (sql, expected) => {
    expect(parseOk(sql)).toMatchObject(expected);
  });
});

describe('ASSERT statements', () => {
  it.each([
    [
      'ASSERT TOPIC t WITH (PARTITIONS=3) TIMEOUT 10 SECONDS',
      {
        kind: 'AssertTopicStmt',
        notExists: false,
        topic: { value: 'T' },
        properties: [{ name: 'PARTITIONS' }],
        timeout: { millis: 10_000 },
      },
    ],
    [
      "ASSERT NOT EXISTS TOPIC 'x'",
      { kind: 'AssertTopicStmt', notExists: true, topic: { value: 'x', isString: true } },
    ],
    [
      "ASSERT SCHEMA SUBJECT 's' ID 5",
      { kind: 'AssertSchemaStmt', subject: { value: 's' }, id: { kind: 'IntegerLiteral', value: 5 } },
    ],
    [
      'ASSERT VALUES b (id, col1) VALUES (1, 1.5)',
      { kind: 'AssertValuesStmt', source: { name: 'B' }, columns: [{}, {}], values: [{}, {}] },
    ],
    [
      'ASSERT NULL VALUES b (id) KEY (1)',
      { kind: 'AssertTombstoneStmt', columns: [{ name: 'ID' }], keys: [{ value: 1 }] },
    ],
    [
      "ASSERT STREAM bar (id INT KEY, c BIGINT) WITH (kafka_topic='BAR')",
      { kind: 'AssertSourceStmt', sourceType: 'STREAM', elements: [{}, {}] },
    ],
    [
      "ASSERT TABLE bar WITH (kafka_topic='BAR')",
      { kind: 'AssertSourceStmt', sourceType: 'TABLE', elements: [] },
    ],
  ])('%s', (sql, expected) => {
    expect(parseOk(sql)).toMatchObject(expected);
  });
});

describe('parseStatement', () => {
  it('accepts a single statement with or without a semicolon', () => {
    expect(parseStatement('SHOW STREAMS').statement?.kind).toBe('ShowStmt');
    expect(parseStatement('SHOW STREAMS;').statement?.kind).toBe('ShowStmt');
  });

  it('rejects two statements and empty input', () => {
    expect(parseStatement('SHOW STREAMS; SHOW TABLES').diagnostics[0]?.message).toMatch(/single statement/);
    expect(parseStatement('  -- nothing\n').diagnostics[0]?.message).toMatch(/expected a statement/);
  });
});
