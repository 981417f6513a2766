import type { OrderItem } from '../../sql/ast';
import type { QueryPlan } from '../../plan/query-plan';
import { storeKey } from '../../exec/state/key-value-store';
import { compareNullsLast } from '../../types/compare';
import { orderComparator } from './order-rows';
import type { QueryHandle, QueryStats, ResultRow, ResultSink } from './query-handle';
import { QueryPipeline, type IdentifiedRow } from './query-pipeline';
import type { RecordReader, RecordSource } from '../../kafka/record-source';
import { resultColumns } from './result-columns';

/**
 * A pull query: runs the query over its topics up to the end offsets captured when it starts, then
 * answers with the final result — the rows of a stream, or the current row per key of a table
 * (aggregations and joins included, which ksqlDB's pull queries cannot do) — sorted, offset and
 * limited as asked.
 */
export class PullQuery implements QueryHandle {
  readonly kind = 'pull' as const;
  readonly columns;
  readonly mode;
  readonly window;
  private readonly pipeline: QueryPipeline;
  private reader: RecordReader | undefined;
  private closed = false;
  private rowsTotal = 0;
  private readonly byKey = new Map<string, IdentifiedRow>();
  private readonly all: ResultRow[] = [];

  constructor(
    readonly id: string,
    readonly sql: string,
    plan: QueryPlan,
    private readonly source: RecordSource,
    private readonly orderBy: readonly OrderItem[] | undefined,
    private readonly offset: number | undefined,
    private readonly onEnd: (id: string) => void,
    private readonly startedAt: number,
    /** Settles when the queries writing the sources have caught up (see QueryCatchUp). */
    private readonly caughtUp?: Promise<unknown>,
  ) {
    this.pipeline = new QueryPipeline(plan, plan.semantics === 'table');
    this.columns = resultColumns(plan);
    this.mode = 'append' as const;
    this.window = plan.window
      ? {
          type: plan.window.type,
          ...(plan.window.sizeMs !== undefined ? { sizeMs: plan.window.sizeMs } : {}),
        }
      : undefined;
    if (orderBy) orderComparator(orderBy, this.columns); // validate before running
  }

  start(sink: ResultSink): void {
    void this.run(sink);
  }

  private async run(sink: ResultSink): Promise<void> {
    const table = this.pipeline.plan.semantics === 'table';
    try {
      await this.caughtUp?.catch(() => undefined);
      if (this.closed) return;
      this.reader = await this.source.open(
        this.pipeline.topics(),
        { from: 'earliest', bounded: true },
        (records) => {
          if (!table) {
            for (const row of this.pipeline.feed(records)) this.all.push(row);
            return;
          }
          for (const identified of this.pipeline.feedIdentified(records)) {
            const k = storeKey(identified.identity);
            if (identified.row.tombstone) this.byKey.delete(k);
            else this.byKey.set(k, identified);
          }
        },
      );
      await this.reader.done;
    } catch (error) {
      this.finish(sink);
      sink.end({
        reason: 'error',
        error: { code: 50000, message: error instanceof Error ? error.message : String(error) },
      });
      return;
    }
    if (this.closed) return;
    // A table answers in key order, as ksqlDB's key-ordered state store does, so that LIMIT
    // keeps the same rows; a stream answers in the order its records were read.
    let rows = table ? [...this.byKey.values()].sort(byIdentity).map((r) => r.row) : this.all;
    if (this.orderBy && this.orderBy.length > 0)
      rows = [...rows].sort(orderComparator(this.orderBy, this.columns));
    const start = this.offset ?? 0;
    const limit = this.pipeline.plan.limit;
    rows = rows.slice(start, limit !== undefined ? start + limit : undefined);
    this.rowsTotal = rows.length;
    this.finish(sink);
    if (rows.length > 0) sink.rows(rows);
    sink.end({ reason: limit !== undefined && rows.length === limit ? 'limit' : 'completed' });
  }

  private finish(_sink: ResultSink): void {
    this.onEnd(this.id);
    void this.reader?.close();
  }

  pause(): void {}
  resume(): void {}

  async close(): Promise<void> {
    this.closed = true;
    this.onEnd(this.id);
    await this.reader?.close();
  }

  stats(): QueryStats {
    return { rowsTotal: this.rowsTotal, lagRecords: this.reader?.lag() ?? null, startedAt: this.startedAt };
  }
}

function byIdentity(a: IdentifiedRow, b: IdentifiedRow): number {
  for (let i = 0; i < a.identity.length; i++) {
    const c = compareNullsLast(a.identity[i], b.identity[i]);
    if (c !== 0) return c;
  }
  return 0;
}
