import { describe, expect, it } from 'vitest';
import type { Kafka } from 'kafkajs';
import { createLogger } from '../log/logger';
import { ProcessingLogWriter, processingLogRecord, processingLogStreamSql } from './processing-log';
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

  it('writes a flood in sends the broker accepts, and logs a sample of it', async () => {
    const sends: number[] = [];
    const kafka = {
      producer: () => ({
        connect: async () => undefined,
        disconnect: async () => undefined,
        send: async ({ messages }: { messages: { value: string }[] }) => {
          const bytes = messages.reduce((n, m) => n + m.value.length, 0);
          if (bytes > 1024 * 1024) throw new Error('message too large');
          sends.push(messages.length);
        },
      }),
    } as unknown as Kafka;
    const lines: string[] = [];
    const writer = new ProcessingLogWriter(
      kafka,
      'log',
      createLogger({ level: 'warn', format: 'json', write: (l) => lines.push(l) }),
    );
    const error = { kind: 'DESERIALIZATION', step: 'S.Source.value', message: 'bad' } as const;
    for (let i = 0; i < 5000; i++)
      writer.record({ queryId: 'Q', topic: 't', error, recordBytes: Buffer.alloc(300, 1) });
    await writer.close();
    expect(writer.written).toBe(5000);
    expect(writer.dropped).toBe(0);
    expect(sends.length).toBeGreaterThan(1);
    expect(lines.filter((l) => l.includes('bad record skipped'))).toHaveLength(10);
  });
});
