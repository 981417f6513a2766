import { describe, expect, it } from 'vitest';
import { processingLogRecord, processingLogStreamSql } from './processing-log';
import { parseStatement } from '../sql';

describe('processing log', () => {
  it('writes ksqlDB-shaped records', () => {
    const r = processingLogRecord(
      {
        queryId: 'CSAS_OUT_3',
        topic: 'orders',
        error: {
          kind: 'DESERIALIZATION',
          step: 'ORDERS.Source.value',
          message: 'Failed to deserialize value',
        },
        recordBytes: Buffer.from('{bad'),
      },
      42,
    );
    expect(r).toEqual({
      LOGGER: 'processing.CSAS_OUT_3.ORDERS.Source.value',
      LEVEL: 'ERROR',
      TIME: 42,
      MESSAGE: {
        TYPE: 0,
        DESERIALIZATIONERROR: {
          TARGET: 'value',
          ERRORMESSAGE: 'Failed to deserialize value',
          RECORDB64: 'e2JhZA==',
          CAUSE: [],
          topic: 'orders',
        },
        RECORDPROCESSINGERROR: null,
        PRODUCTIONERROR: null,
        SERIALIZATIONERROR: null,
        KAFKASTREAMSTHREADERROR: null,
      },
    });
  });

  it('declares a stream that parses', () => {
    const { statement, diagnostics } = parseStatement(processingLogStreamSql('default_'));
    expect(diagnostics).toEqual([]);
    expect(statement?.kind).toBe('CreateSourceStmt');
  });
});
