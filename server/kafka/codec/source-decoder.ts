import type { DataSource } from '../../types/data-source';
import type { Rec } from '../../exec/record';
import { UTC, parseTimestamp } from '../../types/datetime';
import { createKeySerde, createValueSerde, extractHeaderColumns, type KafkaHeaders } from '../serde';

/** A record as it comes off a topic, whatever the client. */
export interface IncomingRecord {
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly timestamp: number;
  readonly partition: number;
  readonly offset: number;
  readonly headers: KafkaHeaders;
}

export type DecodeResult =
  | { readonly ok: true; readonly rec: Rec }
  | { readonly ok: false; readonly step: 'key' | 'value' | 'timestamp'; readonly message: string }
  | { readonly ok: 'skip' };

/**
 * Turns a Kafka record into a source row laid out as plan/source-columns.ts does: key columns,
 * WINDOWSTART/WINDOWEND (windowed sources), value and header columns, ROWTIME, ROWPARTITION,
 * ROWOFFSET. ROWTIME comes from the TIMESTAMP column when the source has one. Bad bytes give an
 * error result (the caller skips, counts and logs), never an exception.
 */
export function createSourceDecoder(source: DataSource): (record: IncomingRecord) => DecodeResult {
  const keySerde = createKeySerde(source.keyFormat, source.schema.key, source.keyFeatures, source.window);
  const dataColumns = source.schema.value.filter((c) => !c.header);
  const headerCols = source.schema.value.filter((c) => c.header);
  const valueSerde = createValueSerde(source.valueFormat, dataColumns, source.valueFeatures);
  const windowed = source.window !== undefined;
  const keyCount = source.schema.key.length;
  // Where each value column lands in the row.
  const valueStart = keyCount + (windowed ? 2 : 0);
  const slots = source.schema.value.map((c) => (c.header ? -1 : dataColumns.indexOf(c)));
  const headerSlots = source.schema.value.map((c) => (c.header ? headerCols.indexOf(c) : -1));
  const width = valueStart + source.schema.value.length + 3;
  const tsColumn = source.timestamp?.column;
  const tsIndex =
    tsColumn === undefined
      ? -1
      : source.schema.key.findIndex((c) => c.name === tsColumn) >= 0
        ? source.schema.key.findIndex((c) => c.name === tsColumn)
        : valueStart + source.schema.value.findIndex((c) => c.name === tsColumn);
  const tsFormat = source.timestamp?.format;

  return (record) => {
    let key: { values: unknown[]; window?: { start: number; end: number } };
    try {
      key = keySerde.deserialize(record.key);
    } catch (error) {
      return { ok: false, step: 'key', message: messageOf(error) };
    }
    let values: unknown[] | null;
    try {
      values = valueSerde.deserialize(record.value);
    } catch (error) {
      return { ok: false, step: 'value', message: messageOf(error) };
    }
    // A null value is a delete for a table; for a stream ksqlDB passes it on as a row whose value
    // columns are all NULL (a projection writes it as a null value), which filters drop.
    const row = new Array<unknown>(width).fill(null);
    for (let i = 0; i < keyCount; i++) row[i] = key.values[i] ?? null;
    if (windowed) {
      row[keyCount] = key.window?.start ?? null;
      row[keyCount + 1] = key.window?.end ?? null;
    }
    const headers = headerCols.length > 0 ? extractHeaderColumns(headerCols, record.headers) : [];
    for (let i = 0; i < slots.length; i++) {
      const h = headerSlots[i]!;
      row[valueStart + i] =
        h >= 0 ? (headers[h] ?? null) : values === null ? null : (values[slots[i]!] ?? null);
    }
    let ts = record.timestamp;
    if (tsIndex >= 0 && values !== null) {
      const raw = row[tsIndex];
      if (raw === null)
        return {
          ok: false,
          step: 'timestamp',
          message: `Failed to extract timestamp from column ${tsColumn}: null value`,
        };
      if (typeof raw === 'number') ts = raw;
      else if (typeof raw === 'string' && tsFormat) {
        try {
          ts = parseTimestamp(raw, tsFormat, UTC);
        } catch (error) {
          return {
            ok: false,
            step: 'timestamp',
            message: `Failed to parse timestamp '${raw}' with pattern '${tsFormat}': ${messageOf(error)}`,
          };
        }
      }
      if (ts < 0) return { ok: false, step: 'timestamp', message: `Timestamp ${ts} is negative` };
    }
    row[width - 3] = ts;
    row[width - 2] = record.partition;
    row[width - 1] = record.offset;
    return {
      ok: true,
      rec: {
        row,
        ts,
        tombstone: values === null,
        partition: record.partition,
        offset: record.offset,
        ...(hasHeaders(record.headers) ? { headers: record.headers } : {}),
      },
    };
  };
}

function hasHeaders(headers: KafkaHeaders): boolean {
  // A header with a null value is still a header (kafkajs delivers its value as null).
  for (const _ in headers) return true;
  return false;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
