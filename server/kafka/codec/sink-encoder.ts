import type { DataSource } from '../../types/data-source';
import type { Rec } from '../../exec/record';
import type { PlanColumn } from '../../plan/plan-schema';
import { UTC, parseTimestamp } from '../../types/datetime';
import { createKeySerde, createValueSerde, type KafkaHeaders } from '../serde';

export interface EncodedRecord {
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly timestamp: number;
  /** The input record's headers, forwarded as Kafka Streams does. */
  readonly headers?: KafkaHeaders;
}

/**
 * Serializes a persistent query's output rows for its sink. `columns` are the plan's output
 * columns (key columns, window bounds, value columns). The record timestamp is the row's time,
 * or the sink's TIMESTAMP column when it has one.
 */
export function createSinkEncoder(
  sink: DataSource,
  columns: readonly PlanColumn[],
): (rec: Rec) => EncodedRecord {
  const keySerde = createKeySerde(sink.keyFormat, sink.schema.key, sink.keyFeatures, sink.window);
  const valueColumns = sink.schema.value.filter((c) => !c.header);
  const valueSerde = createValueSerde(sink.valueFormat, valueColumns, sink.valueFeatures);
  const keyIdx = sink.schema.key.map((c) => columns.findIndex((p) => p.role === 'key' && p.name === c.name));
  const valueIdx = valueColumns.map((c) => columns.findIndex((p) => p.role === 'value' && p.name === c.name));
  const startIdx = columns.findIndex((p) => p.role === 'window' && p.name === 'WINDOWSTART');
  const endIdx = columns.findIndex((p) => p.role === 'window' && p.name === 'WINDOWEND');
  const tsIdx = sink.timestamp ? columns.findIndex((p) => p.name === sink.timestamp!.column) : -1;
  const tsFormat = sink.timestamp?.format;
  return (rec) => {
    const keyValues = keyIdx.map((i) => (i >= 0 ? (rec.row[i] ?? null) : null));
    const window =
      startIdx >= 0
        ? {
            start: rec.row[startIdx] as number,
            end: (endIdx >= 0 ? rec.row[endIdx] : rec.row[startIdx]) as number,
          }
        : undefined;
    const key = keySerde.serialize(keyValues, window);
    const value = rec.tombstone
      ? null
      : valueSerde.serialize(valueIdx.map((i) => (i >= 0 ? (rec.row[i] ?? null) : null)));
    let timestamp = rec.ts;
    if (tsIdx >= 0 && !rec.tombstone) {
      const raw = rec.row[tsIdx];
      if (raw === null || raw === undefined)
        throw new Error(`The TIMESTAMP column ${sink.timestamp!.column} is null`);
      if (typeof raw === 'number') timestamp = raw;
      else if (typeof raw === 'string' && tsFormat) timestamp = parseTimestamp(raw, tsFormat, UTC);
      // Kafka cannot store a negative timestamp: the row is dropped (and logged) like ksqlDB does.
      if (timestamp < 0)
        throw new Error(`Invalid timestamp ${timestamp} in column ${sink.timestamp!.column}`);
    }
    return { key, value, timestamp, ...(rec.headers ? { headers: rec.headers as KafkaHeaders } : {}) };
  };
}
