import type { CompletionItem, Diagnostic } from '../../lib/contracts/diagnostics';
import type { CatalogView } from '../bind/catalog-view';
import type { KsqlEntity } from './entities';
import type { ExecuteOptions } from './engine';
import type { HealthSource } from './health';
import type { QueryHandle } from './queries/query-handle';
import type { TopicDescription } from './services';

export interface QueryOptions {
  readonly properties?: Readonly<Record<string, string>>;
  readonly variables?: Readonly<Record<string, string>>;
  /** Wait until this command offset is applied here first (read-your-writes). */
  readonly commandSequenceNumber?: number;
}

export interface InsertResult {
  readonly ok: boolean;
  readonly code?: number;
  readonly message?: string;
}

/**
 * The engine as the API layers (REST, socket.io, and through them the CLI and workbench) see it.
 * Implemented once (server/engine/kappa-engine.ts) over Kafka, and usable over the test driver's
 * in-memory services.
 */
export interface EngineApi {
  /** ksqlDB's /ksql: non-query statements; throws KappaError (statement_error) on failure. */
  execute(sql: string, options?: ExecuteOptions): Promise<KsqlEntity[]>;
  /** A push (EMIT CHANGES), pull, or PRINT query; throws KappaError for a bad statement. */
  query(sql: string, options?: QueryOptions): Promise<QueryHandle>;
  /** Ends a transient query by id (/close-query, TERMINATE transient_…); false if unknown. */
  closeQuery(queryId: string): Promise<boolean>;
  /** Running transient queries (for SHOW QUERIES and limits). */
  transientQueries(): readonly QueryHandle[];
  /**
   * /inserts-stream: validates and writes one JSON row (column name → JSON value, case-insensitive
   * names, ROWTIME allowed) into a stream or table.
   */
  insertRow(target: string, row: Readonly<Record<string, unknown>>): Promise<InsertResult>;
  catalog(): CatalogView;
  /** ksqlDB's /status: command id → status. */
  commandStatuses(): ReadonlyMap<string, { status: string; message: string; queryId: string | null }>;
  /** Offset of the last command applied here. */
  commandSequenceNumber(): number;
  onCatalogChanged(listener: (commandSequenceNumber: number) => void): () => void;
  topics(): Promise<TopicDescription[]>;
  readonly health: HealthSource;
  /**
   * Editor support: syntax and binding diagnostics of a script (nothing runs). Asynchronous
   * because binding a CREATE looks its topic up in Kafka.
   */
  diagnose(text: string, variables?: Readonly<Record<string, string>>): Promise<Diagnostic[]>;
  complete(text: string, offset: number): CompletionItem[];
  format(text: string): { text: string | null; diagnostics: Diagnostic[] };
}
