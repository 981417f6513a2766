import type { EngineApi } from '../../engine/engine-api';
import type { QueryHandle } from '../../engine/queries/query-handle';
import type { Logger } from '../../log/logger';
import type { QueryLimits } from './query-limits';
import { withQueryDefaults } from './properties';

/** The part of the engine REST uses (the real engine and the tests' fake both satisfy it). */
export type RestEngine = Pick<
  EngineApi,
  | 'execute'
  | 'query'
  | 'closeQuery'
  | 'transientQueries'
  | 'insertRow'
  | 'catalog'
  | 'commandStatuses'
  | 'health'
>;

/** What every REST route needs; built once by `createRestApi`. */
export interface RestContext {
  readonly engine: RestEngine;
  readonly limits: QueryLimits;
  readonly maxRequestBytes: number;
  /** Idle interval of the legacy /query keep-alive newline. */
  readonly keepAliveMs: number;
  /** Per-response bytes held while a query is paused for a slow client (see stream-query.ts). */
  readonly maxBufferedBytes: number;
  /** How long a sequence-number wait may take before 50301. */
  readonly commandTimeoutMs: number;
  readonly log: Logger;
  /** Queries streaming to a client now; ended when the server closes. */
  readonly active: Set<QueryHandle>;
}

export interface OpenQueryRequest {
  readonly sql: string;
  readonly properties: Record<string, string>;
  readonly variables: Record<string, string>;
  readonly commandSequenceNumber?: number | null | undefined;
}

/** Starts a transient query (push, pull or PRINT) with ksqlDB's defaults and the admission limits. */
export async function openQuery(ctx: RestContext, request: OpenQueryRequest): Promise<QueryHandle> {
  const handle = await ctx.engine.query(request.sql, {
    properties: withQueryDefaults(request.properties),
    variables: request.variables,
    ...(request.commandSequenceNumber != null
      ? { commandSequenceNumber: request.commandSequenceNumber }
      : {}),
  });
  await ctx.limits.admit(handle);
  ctx.active.add(handle);
  return handle;
}
