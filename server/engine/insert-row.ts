import { ErrorCodes } from '../../lib/contracts/errors';
import type { CatalogView } from '../bind/catalog-view';
import { createKeySerde, createValueSerde, fromJsonValue } from '../kafka/serde';
import type { KeySerde, ValueSerde } from '../kafka/serde/types';
import type { DataSource } from '../types/data-source';
import type { Column } from '../types/logical-schema';
import type { InsertResult } from './engine-api';
import type { Clock, RecordWriter } from './services';

interface SourceSerdes {
  readonly key: KeySerde;
  readonly value: ValueSerde;
  readonly valueColumns: readonly Column[];
}

/**
 * /inserts-stream: one JSON row (column name → JSON value; names case-insensitive; ROWTIME
 * allowed) validated against the target's schema with the JSON format's coercions, serialized
 * with the source's formats and written to its topic. Serdes are built once per source version.
 */
export class RowInserter {
  private readonly serdes = new WeakMap<DataSource, SourceSerdes>();

  constructor(
    private readonly catalog: () => CatalogView,
    private readonly writer: RecordWriter,
    private readonly clock: Clock,
  ) {}

  async insert(target: string, row: Readonly<Record<string, unknown>>): Promise<InsertResult> {
    const catalog = this.catalog();
    const source = catalog.source(target) ?? catalog.source(target.toUpperCase());
    if (!source) return bad(`Cannot insert values into an unknown stream/table: ${target}`);
    if (source.isSource)
      return bad(`Cannot insert values into read-only ${source.kind.toLowerCase()}: ${source.name}`);
    if (source.window)
      return bad(`Cannot insert values into windowed ${source.kind.toLowerCase()}: ${source.name}`);
    if (source.schema.value.some((c) => c.header)) {
      return bad(`Cannot insert values into ${source.name}: it has header columns.`);
    }
    const columns = [...source.schema.key, ...source.schema.value];
    const values = new Map<string, unknown>();
    let timestamp: number | undefined;
    for (const [name, json] of Object.entries(row)) {
      if (name.toUpperCase() === 'ROWTIME') {
        if (typeof json !== 'number' || !Number.isInteger(json))
          return bad('ROWTIME must be an integer (epoch ms)');
        timestamp = json;
        continue;
      }
      const column =
        columns.find((c) => c.name === name) ?? columns.find((c) => c.name === name.toUpperCase());
      if (!column) return bad(`Column name ${name} does not exist in ${source.name}.`);
      try {
        values.set(
          column.name,
          json === null || json === undefined ? null : fromJsonValue(json, column.type),
        );
      } catch (error) {
        return bad(
          `Invalid value for column ${column.name}: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
    if (source.kind === 'TABLE' && source.schema.key.some((k) => (values.get(k.name) ?? null) === null)) {
      return bad(
        `Failed to insert values into '${source.name}'. Value for primary key column(s) ${source.schema.key.map((k) => k.name).join(', ')} is required for tables`,
      );
    }
    let record;
    try {
      const serdes = this.serdesOf(source);
      record = {
        key: serdes.key.serialize(source.schema.key.map((c) => values.get(c.name) ?? null)),
        value: serdes.value.serialize(serdes.valueColumns.map((c) => values.get(c.name) ?? null)),
        timestamp: timestamp ?? this.clock.now(),
      };
    } catch (error) {
      return bad(
        `Failed to insert values into '${source.name}': ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    try {
      await this.writer.write(source.topic, [record]);
      return { ok: true };
    } catch (error) {
      return {
        ok: false,
        code: ErrorCodes.SERVER_ERROR,
        message: `Failed to write to topic ${source.topic}: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
  }

  private serdesOf(source: DataSource): SourceSerdes {
    let s = this.serdes.get(source);
    if (!s) {
      const valueColumns = source.schema.value.filter((c) => !c.header);
      s = {
        key: createKeySerde(source.keyFormat, source.schema.key, source.keyFeatures, source.window),
        value: createValueSerde(source.valueFormat, valueColumns, source.valueFeatures),
        valueColumns,
      };
      this.serdes.set(source, s);
    }
    return s;
  }
}

function bad(message: string): InsertResult {
  return { ok: false, code: ErrorCodes.BAD_REQUEST, message };
}
