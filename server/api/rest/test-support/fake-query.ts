import type {
  QueryEnd,
  QueryHandle,
  QueryStats,
  ResultColumn,
  ResultRow,
  ResultSink,
} from '../../../engine/queries/query-handle';

/**
 * A scripted query handle for REST unit tests: the test pushes rows and ends it, and reads back
 * what the REST layer did to it (pause/resume/close). Never used by product code.
 */
export class FakeQuery implements QueryHandle {
  sink: ResultSink | undefined;
  paused = false;
  pauses = 0;
  resumes = 0;
  closed = false;
  ended = false;
  private readonly started: Promise<void>;
  private markStarted: () => void = () => {};

  constructor(
    readonly id: string,
    readonly kind: 'push' | 'pull' | 'print',
    readonly columns: readonly ResultColumn[],
    readonly sql: string,
    readonly mode: 'append' | 'upsert' = 'append',
    /** Rows delivered at start (pull queries, and what a push query finds). */
    private readonly initial: readonly ResultRow[] = [],
    /** Set for pull queries and LIMITs that are reached by the initial rows. */
    private readonly endAfterInitial?: QueryEnd,
  ) {
    this.started = new Promise((resolve) => (this.markStarted = resolve));
  }

  start(sink: ResultSink): void {
    this.sink = sink;
    this.markStarted();
    if (this.initial.length > 0) sink.rows(this.initial);
    if (this.endAfterInitial) this.end(this.endAfterInitial);
  }

  whenStarted(): Promise<void> {
    return this.started;
  }

  push(rows: readonly ResultRow[]): void {
    if (!this.ended) this.sink?.rows(rows);
  }

  end(end: QueryEnd): void {
    if (this.ended) return;
    this.ended = true;
    this.sink?.end(end);
  }

  pause(): void {
    this.paused = true;
    this.pauses++;
  }

  resume(): void {
    this.paused = false;
    this.resumes++;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.end({ reason: 'cancelled' });
  }

  stats(): QueryStats {
    return { rowsTotal: 0, lagRecords: null, startedAt: 0 };
  }
}
