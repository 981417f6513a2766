import type { CompletionItem, Diagnostic } from '../../lib/contracts/diagnostics';
import { ErrorCodes } from '../../lib/contracts/errors';
import type { CatalogView } from '../bind/catalog-view';
import { Catalog } from '../catalog/catalog';
import { KappaError } from '../errors/kappa-error';
import type { CommandStatusEntry } from './catalog-state';
import type { ExecuteOptions } from './engine';
import type { EngineApi, InsertResult, QueryOptions } from './engine-api';
import type { KsqlEntity } from './entities';
import type { HealthSource } from './health';
import type { QueryHandle } from './queries/query-handle';
import type { TopicDescription } from './services';

/**
 * The engine the API layers get at start-up, before Kafka is reachable and the command topic
 * replayed: HTTP serves /info, the health checks and 503/50302 meanwhile, and every call goes to
 * the real engine once `resolve` was called. Catalog listeners registered early are attached then.
 */
export class DeferredEngine implements EngineApi {
  private engine: EngineApi | undefined;
  private readonly pendingListeners = new Set<(seq: number) => void>();

  constructor(readonly health: HealthSource) {}

  resolve(engine: EngineApi): void {
    this.engine = engine;
    for (const listener of this.pendingListeners) engine.onCatalogChanged(listener);
    this.pendingListeners.clear();
  }

  private get ready(): EngineApi {
    if (!this.engine)
      throw new KappaError(ErrorCodes.SERVER_NOT_READY, 'KSQL is not yet ready to serve requests.');
    return this.engine;
  }

  execute(sql: string, options?: ExecuteOptions): Promise<KsqlEntity[]> {
    return this.call((e) => e.execute(sql, options));
  }
  query(sql: string, options?: QueryOptions): Promise<QueryHandle> {
    return this.call((e) => e.query(sql, options));
  }
  closeQuery(queryId: string): Promise<boolean> {
    return this.engine ? this.engine.closeQuery(queryId) : Promise.resolve(false);
  }
  transientQueries(): readonly QueryHandle[] {
    return this.engine?.transientQueries() ?? [];
  }
  insertRow(target: string, row: Readonly<Record<string, unknown>>): Promise<InsertResult> {
    return this.call((e) => e.insertRow(target, row));
  }
  catalog(): CatalogView {
    return this.engine?.catalog() ?? Catalog.EMPTY;
  }
  commandStatuses(): ReturnType<EngineApi['commandStatuses']> {
    return this.engine?.commandStatuses() ?? new Map<string, CommandStatusEntry>();
  }
  commandSequenceNumber(): number {
    return this.engine?.commandSequenceNumber() ?? -1;
  }
  onCatalogChanged(listener: (commandSequenceNumber: number) => void): () => void {
    if (this.engine) return this.engine.onCatalogChanged(listener);
    this.pendingListeners.add(listener);
    return () => this.pendingListeners.delete(listener);
  }
  topics(): Promise<TopicDescription[]> {
    return this.call((e) => e.topics());
  }
  diagnose(text: string, variables?: Readonly<Record<string, string>>): Promise<Diagnostic[]> {
    return this.call((e) => e.diagnose(text, variables));
  }
  complete(text: string, offset: number): CompletionItem[] {
    return this.engine?.complete(text, offset) ?? [];
  }
  format(text: string): { text: string | null; diagnostics: Diagnostic[] } {
    return this.ready.format(text);
  }

  private call<T>(f: (e: EngineApi) => Promise<T>): Promise<T> {
    try {
      return f(this.ready);
    } catch (error) {
      return Promise.reject(error);
    }
  }
}
