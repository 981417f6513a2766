import type { Catalog } from '../catalog/catalog';
import type { Command } from '../catalog/command-schema';
import type { TypeResolver } from '../bind/types';
import type { Statement } from '../sql/ast';
import type { KsqlEntity } from './entities';
import type { TransientQueriesApi } from './queries/transient-queries-api';
import type { ServerProperties } from './server-properties';
import type { Clock, CommandLog, RecordWriter, TopicService } from './services';
import type { SourceStatisticsProvider } from './source-statistics';
import type { Session } from './session';

export interface EngineServices {
  readonly topics: TopicService;
  readonly commands: CommandLog;
  readonly writer: RecordWriter;
  readonly clock: Clock;
  /** Runtime statistics for DESCRIBE EXTENDED / SHOW QUERIES (absent: fields stay empty). */
  readonly statistics?: SourceStatisticsProvider;
  /** This engine's push/pull/PRINT queries, for SHOW QUERIES and TERMINATE transient_…. */
  readonly transient?: TransientQueriesApi;
}

export interface EngineOptions {
  readonly serviceId: string;
  /** Replication factor for topics the engine creates (sinks, internal topics). */
  readonly defaultReplicas?: number;
  /** What SHOW PROPERTIES lists besides the session's overrides. */
  readonly serverProperties?: ServerProperties;
}

/** Everything a statement handler may use. `sandbox` runs validate only: no side effects. */
export interface StatementContext {
  readonly catalog: Catalog;
  readonly session: Session;
  readonly services: EngineServices;
  readonly options: EngineOptions;
  readonly sandbox: boolean;
  readonly types: TypeResolver;
}

/** A statement that goes through the command topic (CREATE, DROP, TERMINATE…). */
export interface PreparedCommand {
  readonly kind: 'command';
  readonly command: Command;
  /** Side effects that must happen before the command is written (creating topics). */
  readonly beforeAppend?: () => Promise<void>;
  /** Side effects after this engine applied the command (DELETE TOPIC). */
  readonly afterApply?: () => Promise<void>;
  /** Returned instead of running when the statement has nothing to do (IF NOT EXISTS). */
  readonly skip?: KsqlEntity;
}

/** A statement this engine answers itself (SHOW, DESCRIBE, SET, INSERT VALUES…). */
export interface PreparedLocal {
  readonly kind: 'local';
  /** Null for statements with no entity (INSERT VALUES). */
  run(): Promise<KsqlEntity | null>;
  /** For SET/UNSET/DEFINE/UNDEFINE: the session the following statements see. */
  readonly nextSession?: Session;
}

export type Prepared = PreparedCommand | PreparedLocal;

export type StatementHandler<S extends Statement> = (
  stmt: S,
  ctx: StatementContext,
) => Promise<Prepared> | Prepared;
