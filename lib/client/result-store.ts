import type { ColumnInfo } from '../contracts/columns';
import type {
  QueryEndEvent,
  QueryErrorEvent,
  QueryRowsEvent,
  QuerySchemaEvent,
  QueryStatusEvent,
  StatementResultEvent,
} from '../contracts/query';
import { ChangelogView } from './changelog-view';
import { RingBuffer } from './ring-buffer';

export type ResultPhase = 'starting' | 'running' | 'paused' | 'ended' | 'failed' | 'done';

export interface StoredRow {
  /** Arrival number within the run: a stable row key for the grid. */
  readonly seq: number;
  readonly values: readonly unknown[];
  readonly tombstone: boolean;
}

/** What the result views need to know about one statement of a run. */
export interface ResultMeta {
  readonly runId: string;
  readonly sql: string;
  /** 1-based position of the statement in the script that was run. */
  readonly index: number;
  /** Offset of the statement in the editor text (to place its diagnostics). */
  readonly offset: number;
}

/**
 * The result of one statement, kept outside React: rows go into a bounded ring buffer (and, for
 * upsert results, a changelog view keyed by key and window) as batches arrive, and views repaint
 * from here a few times a second. `version` changes whenever anything does.
 */
export class ResultStore {
  phase: ResultPhase = 'starting';
  schema: QuerySchemaEvent | null = null;
  readonly rows: RingBuffer<StoredRow>;
  changelog: ChangelogView | null = null;
  status: QueryStatusEvent | null = null;
  end: QueryEndEvent | null = null;
  error: QueryErrorEvent | null = null;
  readonly statements: StatementResultEvent[] = [];
  readonly startedAt: number;
  endedAt: number | null = null;
  /** Engine send → browser receive, of the last batch (ms). */
  latencyMs: number | null = null;
  version = 0;
  private readonly listeners = new Set<() => void>();
  private settle: (ok: boolean) => void = () => undefined;
  /** Resolves once the statement has answered: a result, an error, an end, or a push query's schema. */
  readonly settled: Promise<boolean>;

  constructor(
    readonly meta: ResultMeta,
    maxRows: number,
    private readonly now: () => number,
  ) {
    this.rows = new RingBuffer(maxRows);
    this.startedAt = now();
    this.settled = new Promise((resolve) => (this.settle = resolve));
  }

  get columns(): readonly ColumnInfo[] {
    return this.schema?.columns ?? [];
  }

  get active(): boolean {
    return this.phase === 'starting' || this.phase === 'running' || this.phase === 'paused';
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onSchema(event: QuerySchemaEvent): void {
    this.schema = event;
    this.phase = 'running';
    if (event.mode === 'upsert') this.changelog = new ChangelogView(event.keyIndexes, this.rows.capacity);
    if (event.kind !== 'pull') this.settle(true);
    this.changed();
  }

  onRows(event: QueryRowsEvent): void {
    const tombstones = event.tombstones ? new Set(event.tombstones) : null;
    const at = this.now();
    event.rows.forEach((values, i) => {
      const tombstone = tombstones?.has(i) ?? false;
      this.rows.push({ seq: this.rows.totalPushed, values, tombstone });
      this.changelog?.apply(values, tombstone, at);
    });
    this.latencyMs = Math.max(0, Date.now() - event.sentAt);
    this.changed();
  }

  onStatus(event: QueryStatusEvent): void {
    this.status = event;
    if (this.phase === 'running' || this.phase === 'paused')
      this.phase = event.state === 'paused' ? 'paused' : event.state === 'ended' ? this.phase : 'running';
    this.changed();
  }

  onEnd(event: QueryEndEvent): void {
    this.end = event;
    this.finish('ended', true);
  }

  onError(event: QueryErrorEvent): void {
    this.error = event;
    this.finish('failed', false);
  }

  onStatement(event: StatementResultEvent): void {
    this.statements.push(event);
    this.finish('done', true);
  }

  /** The connection went away: the engine ended the run. */
  onDisconnect(): void {
    if (!this.active) return;
    this.onError({
      runId: this.meta.runId,
      code: 50000,
      message: 'The connection to the engine was lost.',
      diagnostics: [],
    });
  }

  /** Keeps at most `maxRows` rows from now on (the newest). */
  resize(maxRows: number): void {
    this.rows.resize(maxRows);
    this.changelog?.setMaxKeys(maxRows);
    this.changed();
  }

  /** Rows as the grid shows them: the raw rows, or the current state per key for upsert results. */
  viewRows(view: 'rows' | 'changelog'): readonly (readonly unknown[])[] {
    if (view === 'rows' || !this.changelog) return this.rows.toArray().map((r) => r.values);
    return this.changelog.rows().map((e) => e.values);
  }

  private finish(phase: ResultPhase, ok: boolean): void {
    if (!this.active && phase !== 'done') return;
    this.phase = phase;
    this.endedAt ??= this.now();
    this.settle(ok);
    this.changed();
  }

  private changed(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }
}
