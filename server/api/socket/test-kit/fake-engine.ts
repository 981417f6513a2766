/**
 * A scriptable EngineApi for the socket features' tests: queries are FakeQuery handles the test
 * drives by hand (emit rows, end), statements answer from a table. Not used by product code.
 */
import type { CatalogView } from '../../../bind/catalog-view';
import type { EngineApi, QueryOptions } from '../../../engine/engine-api';
import type { KsqlEntity } from '../../../engine/entities';
import type { HealthSource } from '../../../engine/health';
import type {
  QueryEnd,
  QueryHandle,
  QueryStats,
  ResultColumn,
  ResultRow,
  ResultSink,
} from '../../../engine/queries/query-handle';
import type { TopicDescription } from '../../../engine/services';
import { KappaError } from '../../../errors/kappa-error';
import type { DataSource, PersistentQuery } from '../../../types/data-source';
import { BIGINT, STRING, type SqlType } from '../../../types/sql-type';

export class FakeQuery implements QueryHandle {
  readonly kind: 'push' | 'pull' | 'print';
  readonly mode: 'append' | 'upsert';
  sink: ResultSink | undefined;
  paused = false;
  closed = false;
  rowsTotal = 0;

  constructor(
    readonly id: string,
    readonly sql: string,
    readonly columns: readonly ResultColumn[],
    options: { kind?: 'push' | 'pull' | 'print'; mode?: 'append' | 'upsert' } = {},
  ) {
    this.kind = options.kind ?? 'push';
    this.mode = options.mode ?? 'append';
  }

  start(sink: ResultSink): void {
    this.sink = sink;
  }
  emit(rows: readonly ResultRow[]): void {
    this.rowsTotal += rows.length;
    this.sink?.rows(rows);
  }
  end(end: QueryEnd): void {
    this.sink?.end(end);
  }
  pause(): void {
    this.paused = true;
  }
  resume(): void {
    this.paused = false;
  }
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.sink?.end({ reason: 'cancelled' });
  }
  stats(): QueryStats {
    return { rowsTotal: this.rowsTotal, lagRecords: 0, startedAt: 0 };
  }
}

export const ORDER_COLUMNS: readonly ResultColumn[] = [
  { name: 'ID', type: BIGINT, key: true },
  { name: 'ITEM', type: STRING, key: false },
];

export function fakeCatalog(sources: DataSource[] = [], queries: PersistentQuery[] = []): CatalogView {
  const types = new Map<string, SqlType>();
  return {
    source: (name) => sources.find((s) => s.name === name),
    sources: () => sources,
    type: (name) => types.get(name),
    types: () => types,
    query: (id) => queries.find((q) => q.id === id),
    queries: () => queries,
    readersOf: (name) => queries.filter((q) => q.sources.includes(name)),
    writersOf: (name) => queries.filter((q) => q.sink === name),
    nextQueryNumber: 1,
    lastOffset: 7,
  };
}

export class FakeEngine implements EngineApi {
  readonly queries: FakeQuery[] = [];
  readonly executed: { sql: string; properties: Readonly<Record<string, string>> }[] = [];
  readonly queryCalls: { sql: string; options: QueryOptions }[] = [];
  catalogView: CatalogView = fakeCatalog();
  topicList: TopicDescription[] = [];
  /** Makes the next query: by default an append query over ORDER_COLUMNS. */
  nextQuery: (sql: string) => FakeQuery = (sql) =>
    new FakeQuery(`transient_${this.queries.length + 1}`, sql, ORDER_COLUMNS);
  queryDelayMs = 0;
  private readonly catalogListeners = new Set<(n: number) => void>();

  readonly health: HealthSource = {
    snapshot: () => ({
      version: 'test',
      serviceId: 'test_',
      serverStatus: 'RUNNING',
      kafka: { connected: true, bootstrapServers: 'none', checkedAt: 0 },
    }),
    onChange: () => () => undefined,
  };

  async execute(
    sql: string,
    options: { properties?: Readonly<Record<string, string>> } = {},
  ): Promise<KsqlEntity[]> {
    this.executed.push({ sql, properties: options.properties ?? {} });
    if (/FAIL/i.test(sql)) throw new KappaError(40001, 'Cannot do that.');
    return [{ '@type': 'currentStatus', statementText: sql, commandSequenceNumber: 3, warnings: [] }];
  }

  async query(sql: string, options: QueryOptions = {}): Promise<QueryHandle> {
    this.queryCalls.push({ sql, options });
    if (this.queryDelayMs > 0) await new Promise((r) => setTimeout(r, this.queryDelayMs));
    if (/MISSING/i.test(sql)) throw new KappaError(40001, 'MISSING does not exist.');
    const q = this.nextQuery(sql);
    this.queries.push(q);
    return q;
  }

  async closeQuery(): Promise<boolean> {
    return false;
  }
  transientQueries(): readonly QueryHandle[] {
    return this.queries;
  }
  async insertRow(): Promise<{ ok: boolean }> {
    return { ok: true };
  }
  catalog(): CatalogView {
    return this.catalogView;
  }
  commandStatuses(): ReadonlyMap<string, { status: string; message: string; queryId: string | null }> {
    return new Map();
  }
  commandSequenceNumber(): number {
    return 7;
  }
  onCatalogChanged(listener: (n: number) => void): () => void {
    this.catalogListeners.add(listener);
    return () => this.catalogListeners.delete(listener);
  }
  changeCatalog(n: number): void {
    for (const l of this.catalogListeners) l(n);
  }
  get catalogListenerCount(): number {
    return this.catalogListeners.size;
  }
  async topics(): Promise<TopicDescription[]> {
    return this.topicList;
  }
  async diagnose(text: string) {
    return text.includes('SELEC ')
      ? [
          {
            severity: 'error' as const,
            message: "mismatched input 'SELEC'",
            code: 40001,
            span: { start: 0, end: 5, startLine: 1, startColumn: 1, endLine: 1, endColumn: 6 },
          },
        ]
      : [];
  }
  complete() {
    return [{ label: 'SELECT', kind: 'keyword' as const }];
  }
  format(text: string) {
    return { text: text.toUpperCase(), diagnostics: [] };
  }
}
