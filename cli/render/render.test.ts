import { describe, expect, it } from 'vitest';
import { renderEntity } from './entities';
import { renderError } from './error';

const base = { statementText: 'X;', warnings: [] };
const source = (name: string) => ({
  type: 'STREAM',
  name,
  topic: name.toLowerCase(),
  keyFormat: 'KAFKA',
  valueFormat: 'JSON',
  isWindowed: false,
});

describe('renderEntity', () => {
  it('lists streams with the ksql CLI columns', () => {
    expect(renderEntity({ '@type': 'streams', ...base, streams: [source('ORDERS')] })).toBe(
      [
        ' Stream Name | Kafka Topic | Key Format | Value Format | Windowed',
        '------------------------------------------------------------------',
        ' ORDERS      | orders      | KAFKA      | JSON         | false',
        '------------------------------------------------------------------',
      ].join('\n'),
    );
  });

  it('prints a command status message and warnings', () => {
    const text = renderEntity({
      '@type': 'currentStatus',
      ...base,
      warnings: [{ message: 'careful' }],
      commandId: 'stream/`S`/create',
      commandStatus: { status: 'SUCCESS', message: 'Stream created', queryId: null },
      commandSequenceNumber: 3,
    });
    expect(text).toBe(
      ['WARNING: careful', ' Message', '----------------', ' Stream created', '----------------'].join('\n'),
    );
  });

  it('describes a source with key columns and types', () => {
    const text = renderEntity({
      '@type': 'sourceDescription',
      ...base,
      sourceDescription: {
        name: 'S',
        windowType: null,
        readQueries: [],
        writeQueries: [],
        fields: [
          { name: 'ID', schema: { type: 'STRING', fields: null, memberSchema: null }, type: 'KEY' },
          {
            name: 'TAGS',
            schema: {
              type: 'ARRAY',
              fields: null,
              memberSchema: { type: 'STRING', fields: null, memberSchema: null },
            },
          },
          {
            name: 'D',
            schema: {
              type: 'DECIMAL',
              fields: null,
              memberSchema: null,
              parameters: { precision: 4, scale: 2 },
            },
          },
        ],
        type: 'STREAM',
        timestamp: '',
        statistics: '',
        errorStats: '',
        extended: false,
        keyFormat: 'KAFKA',
        valueFormat: 'JSON',
        topic: 's',
        partitions: 1,
        replication: 1,
        statement: 'CREATE STREAM S ...',
        queryOffsetSummaries: [],
        sourceConstraints: [],
        clusterStatistics: [],
        clusterErrorStats: [],
      },
    });
    expect(text).toContain('Name : S');
    expect(text).toContain(' ID    | STRING  (key)');
    expect(text).toContain(' TAGS  | ARRAY<STRING>');
    expect(text).toContain(' D     | DECIMAL(4, 2)');
  });

  it('prints unknown entities as JSON', () => {
    expect(renderEntity({ '@type': 'brand_new', ...base, x: 1 })).toContain('"@type": "brand_new"');
  });
});

describe('renderError', () => {
  it('puts a caret under the span of a diagnostic', () => {
    const submitted = 'SHOW STREAMS;\nCREATE STREAM BAD (;';
    const text = renderError(
      {
        '@type': 'statement_error',
        error_code: 40001,
        message: "Syntax Error at line 2, column 20: expected a column name but found ';'",
        statementText: 'CREATE STREAM BAD (;',
        diagnostics: [
          {
            severity: 'error',
            message: 'x',
            span: { start: 33, end: 34, startLine: 2, startColumn: 20, endLine: 2, endColumn: 21 },
          },
        ],
      },
      submitted,
    );
    expect(text.split('\n')).toEqual([
      "Syntax Error at line 2, column 20: expected a column name but found ';'",
      'CREATE STREAM BAD (;',
      '                   ^',
    ]);
  });

  it("falls back to ksqlDB's line:column in the message, then to the statement", () => {
    expect(
      renderError({ '@type': 'x', error_code: 40001, message: 'line 1:7: mismatched input' }, 'SELECT FROM'),
    ).toBe('line 1:7: mismatched input\nSELECT FROM\n       ^');
    expect(renderError({ '@type': 'x', error_code: 40001, message: 'bad', statementText: 'S;' })).toBe(
      'bad\nStatement: S;',
    );
  });
});
