import type { CompletionItem, Diagnostic } from '../../lib/contracts/diagnostics';
import type { CatalogView } from '../bind/catalog-view';
import type { Logger } from '../log/logger';
import type { CatalogState, CommandStatusEntry } from './catalog-state';
import { StatementExecutor, type ExecuteOptions } from './engine';
import type { EngineApi, InsertResult, QueryOptions } from './engine-api';
import { completeAt, completionCatalog, diagnoseScript, formatScript } from './editor-support';
import type { KsqlEntity } from './entities';
import type { HealthSource } from './health';
import { RowInserter } from './insert-row';
import type { QueryHandle } from './queries/query-handle';
import type { TransientQueriesApi } from './queries/transient-queries-api';
import type { TopicDescription } from './services';
import type { EngineOptions, EngineServices } from './statement-context';

export interface KappaEngineDeps {
  readonly state: CatalogState;
  readonly services: EngineServices;
  readonly options: EngineOptions & { readonly commandTimeoutMs?: number };
  readonly health: HealthSource;
  readonly transient: TransientQueriesApi;
  readonly log: Logger;
}

/**
 * The engine as REST and socket.io see it (EngineApi), over whatever services it is given: the
 * Kafka-backed ones in the product (server/engine/kafka-engine.ts wires them), in-memory ones in
 * tests. Statements run through the StatementExecutor (validated in a sandbox, distributed ones
 * through the command log); transient queries are delegated.
 */
export class KappaEngine implements EngineApi {
  private readonly executor: StatementExecutor;
  private readonly inserter: RowInserter;
  private topicNames: { at: number; names: readonly string[] } = { at: 0, names: [] };
  readonly health: HealthSource;

  constructor(private readonly deps: KappaEngineDeps) {
    const services: EngineServices = { ...deps.services, transient: deps.transient };
    this.executor = new StatementExecutor(deps.state, services, deps.options);
    this.inserter = new RowInserter(() => deps.state.catalog(), services.writer, services.clock);
    this.health = deps.health;
  }

  execute(sql: string, options: ExecuteOptions = {}): Promise<KsqlEntity[]> {
    return this.executor.execute(sql, {
      ...options,
      commandTimeoutMs: options.commandTimeoutMs ?? this.deps.options.commandTimeoutMs ?? 5000,
    });
  }

  query(sql: string, options: QueryOptions = {}): Promise<QueryHandle> {
    return this.deps.transient.query(sql, options);
  }

  closeQuery(queryId: string): Promise<boolean> {
    return this.deps.transient.close(queryId);
  }

  transientQueries(): readonly QueryHandle[] {
    return this.deps.transient.list();
  }

  insertRow(target: string, row: Readonly<Record<string, unknown>>): Promise<InsertResult> {
    return this.inserter.insert(target, row);
  }

  catalog(): CatalogView {
    return this.deps.state.catalog();
  }

  commandStatuses(): ReadonlyMap<string, CommandStatusEntry> {
    return this.deps.state.statuses;
  }

  commandSequenceNumber(): number {
    return this.deps.state.offset;
  }

  onCatalogChanged(listener: (commandSequenceNumber: number) => void): () => void {
    const offApplied = this.deps.state.onApplied((applied) => listener(applied.offset));
    const offReplayed = this.deps.state.onReplayed(() => listener(this.deps.state.offset));
    return () => {
      offApplied();
      offReplayed();
    };
  }

  async topics(): Promise<TopicDescription[]> {
    const topics = await this.deps.services.topics.list();
    this.topicNames = { at: Date.now(), names: topics.map((t) => t.name) };
    return topics;
  }

  diagnose(text: string, variables: Readonly<Record<string, string>> = {}): Promise<Diagnostic[]> {
    return diagnoseScript(text, variables, this.deps.state.catalog(), this.executor);
  }

  complete(text: string, offset: number): CompletionItem[] {
    this.refreshTopicNames();
    const catalog = completionCatalog(this.deps.state.catalog(), {
      queries: this.deps.transient.list().map((q) => q.id),
      topics: this.topicNames.names,
    });
    return completeAt(text, offset, catalog);
  }

  format(text: string): { text: string | null; diagnostics: Diagnostic[] } {
    return formatScript(text);
  }

  /** Topic names for PRINT completion: refreshed in the background at most every 10 s. */
  private refreshTopicNames(): void {
    if (Date.now() - this.topicNames.at < 10_000) return;
    this.topicNames = { ...this.topicNames, at: Date.now() };
    this.topics().catch((error: unknown) => this.deps.log.debug('topic list failed', { error }));
  }
}
