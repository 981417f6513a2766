import type { QueryPlan } from '../../plan/query-plan';
import type { QueryEnd, QueryHandle, QueryStats, ResultRow, ResultSink } from './query-handle';
import { QueryPipeline } from './query-pipeline';
import type { RecordReader, RecordSource } from '../../kafka/record-source';
import { resultColumns } from './result-columns';

/**
 * `SELECT … EMIT CHANGES`: reads its topics from `earliest` or `latest` and runs until closed or
 * LIMIT rows were delivered.
 */
export class PushQuery implements QueryHandle {
  readonly kind = 'push' as const;
  readonly columns;
  readonly mode;
  readonly window;
  private readonly pipeline: QueryPipeline;
  private reader: RecordReader | undefined;
  private sink: ResultSink | undefined;
  private ended = false;
  private rowsTotal = 0;
  private readonly startedAt: number;

  constructor(
    readonly id: string,
    readonly sql: string,
    plan: QueryPlan,
    private readonly source: RecordSource,
    private readonly from: 'earliest' | 'latest',
    private readonly onEnd: (id: string) => void,
    now: number,
  ) {
    this.pipeline = new QueryPipeline(plan);
    this.columns = resultColumns(plan);
    this.mode = plan.semantics === 'table' ? ('upsert' as const) : ('append' as const);
    this.window = plan.window
      ? {
          type: plan.window.type,
          ...(plan.window.sizeMs !== undefined ? { sizeMs: plan.window.sizeMs } : {}),
        }
      : undefined;
    this.startedAt = now;
  }

  /** Opens the reader before `start` so that a bad topic fails the request, not the stream. */
  async open(): Promise<void> {
    this.reader = await this.source.open(
      this.pipeline.topics(),
      { from: this.from, bounded: false },
      (records) => this.onBatch(records),
    );
    this.reader.pause();
  }

  start(sink: ResultSink): void {
    this.sink = sink;
    this.reader?.resume();
  }

  private onBatch(records: Parameters<QueryPipeline['feed']>[0]): void {
    if (this.ended) return;
    let rows = this.pipeline.feed(records);
    // A stream has no deletes: a record without a value carries no row for a viewer.
    if (this.mode === 'append') rows = rows.filter((row) => !row.tombstone);
    const limit = this.pipeline.plan.limit;
    if (limit !== undefined && this.rowsTotal + rows.length >= limit) {
      rows = rows.slice(0, limit - this.rowsTotal);
      this.deliver(rows);
      void this.finish({ reason: 'limit' });
      return;
    }
    this.deliver(rows);
  }

  private deliver(rows: ResultRow[]): void {
    if (rows.length === 0) return;
    this.rowsTotal += rows.length;
    this.sink?.rows(rows);
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

  /** Ends because a persistent-query TERMINATE or the engine shutting down asked for it. */
  terminate(): Promise<void> {
    return this.finish({ reason: 'terminated' });
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

  get processingErrors(): number {
    return this.pipeline.errorCount;
  }
}
