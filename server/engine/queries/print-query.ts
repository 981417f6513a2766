import { PrintFormatDetector, formatRowtime, formatsLine } from '../../kafka/serde';
import { BIGINT, INTEGER, STRING } from '../../types/sql-type';
import type { QueryEnd, QueryHandle, QueryStats, ResultColumn, ResultRow, ResultSink } from './query-handle';
import type { RecordReader, RecordSource, SourceRecord } from '../../kafka/record-source';

export interface PrintOptions {
  readonly topic: string;
  readonly fromBeginning: boolean;
  readonly interval?: number;
  readonly limit?: number;
  /** Workbench tail: start offsets per partition, or a start time. */
  readonly offsets?: ReadonlyMap<number, number>;
  readonly fromOffset?: number;
  readonly fromTimestamp?: number;
}

const COLUMNS: readonly ResultColumn[] = [
  { name: 'ROWTIME', type: BIGINT, key: false },
  { name: 'PARTITION', type: INTEGER, key: false },
  { name: 'OFFSET', type: BIGINT, key: false },
  { name: 'KEY', type: STRING, key: false },
  { name: 'VALUE', type: STRING, key: false },
];

/**
 * PRINT 'topic': raw records with their key and value formats guessed, as ksqlDB prints them
 * (narrowing the possible formats record after record). Rows are structured for the workbench;
 * `print` gives ksqlDB's text form for REST and the CLI.
 */
export class PrintQuery implements QueryHandle {
  readonly kind = 'print' as const;
  readonly columns = COLUMNS;
  readonly mode = 'append' as const;
  private readonly keys = new PrintFormatDetector(true);
  private readonly values = new PrintFormatDetector(false);
  private reader: RecordReader | undefined;
  private sink: ResultSink | undefined;
  private seen = 0;
  private rowsTotal = 0;
  private ended = false;

  readonly print = {
    header: (): string =>
      `${formatsLine('Key format: ', this.keys.possibleFormats())}\n${formatsLine('Value format: ', this.values.possibleFormats())}`,
    line: (row: ResultRow): string =>
      `rowtime: ${formatRowtime(row.values[0] as number)}, key: ${String(row.values[3])}, value: ${String(row.values[4])}, partition: ${String(row.values[1])}`,
  };

  constructor(
    readonly id: string,
    readonly sql: string,
    private readonly options: PrintOptions,
    private readonly source: RecordSource,
    private readonly onEnd: (id: string) => void,
    private readonly startedAt: number,
  ) {}

  async open(): Promise<void> {
    this.reader = await this.source.open(
      [this.options.topic],
      {
        from: this.options.fromBeginning ? 'earliest' : 'latest',
        bounded: false,
        ...(this.options.offsets ? { offsets: this.options.offsets } : {}),
        ...(this.options.fromTimestamp !== undefined ? { fromTimestamp: this.options.fromTimestamp } : {}),
        ...(this.options.fromOffset !== undefined ? { fromOffset: this.options.fromOffset } : {}),
      },
      (records) => this.onBatch(records),
    );
    this.reader.pause();
  }

  start(sink: ResultSink): void {
    this.sink = sink;
    this.reader?.resume();
  }

  private onBatch(records: readonly SourceRecord[]): void {
    if (this.ended) return;
    const rows: ResultRow[] = [];
    const interval = Math.max(1, this.options.interval ?? 1);
    for (const r of records) {
      if (this.seen++ % interval !== 0) continue;
      rows.push({
        values: [r.timestamp, r.partition, r.offset, this.keys.format(r.key), this.values.format(r.value)],
      });
      if (this.options.limit !== undefined && this.rowsTotal + rows.length >= this.options.limit) break;
    }
    this.rowsTotal += rows.length;
    if (rows.length > 0) this.sink?.rows(rows);
    if (this.options.limit !== undefined && this.rowsTotal >= this.options.limit)
      void this.finish({ reason: 'limit' });
  }

  pause(): void {
    this.reader?.pause();
  }
  resume(): void {
    if (!this.ended) this.reader?.resume();
  }
  close(): Promise<void> {
    return this.finish({ reason: 'cancelled' });
  }

  private async finish(end: QueryEnd): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    this.onEnd(this.id);
    await this.reader?.close().catch(() => undefined);
    this.sink?.end(end);
  }

  stats(): QueryStats {
    return { rowsTotal: this.rowsTotal, lagRecords: this.reader?.lag() ?? null, startedAt: this.startedAt };
  }
}
