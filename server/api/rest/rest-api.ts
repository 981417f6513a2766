import type { Logger } from '../../log/logger';
import { createCredentialVerifier, type CredentialVerifier } from '../auth/credentials';
import { createRequestGuard, type RequestGuard } from '../http/guard';
import type { Route } from '../http/router';
import { wsQueryUpgrade, type UpgradeHandler } from '../ws/ws-query';
import { closeQueryRoute } from './close-query-route';
import { insertsStreamRoute } from './inserts-stream-route';
import { ksqlRoute } from './ksql-route';
import { metadataRoutes } from './metadata-routes';
import { isValidPropertyRoute } from './property-route';
import { QueryLimits } from './query-limits';
import { queryRoute } from './query-route';
import { queryStreamRoute } from './query-stream-route';
import type { RestContext, RestEngine } from './rest-context';
import { statusRoutes } from './status-routes';

/** The protection settings of EngineConfig.rest (server/config/config.ts). */
export interface RestSettings {
  readonly basicAuth: readonly { readonly user: string; readonly password: string }[];
  readonly apiKeys: readonly string[];
  readonly maxRequestBytes: number;
  readonly maxPushQueries: number;
  readonly pullQueriesPerSecond: number | null;
}

export interface RestApiOptions {
  readonly engine: RestEngine;
  readonly settings: RestSettings;
  /** Browser origins allowed to call REST (the same list socket.io uses). */
  readonly corsOrigins: readonly string[];
  readonly logger: Logger;
  readonly isReady: () => boolean;
  /** ksqlDB's ksql.server.command.response.timeout.ms (default 5000). */
  readonly commandTimeoutMs?: number;
  /** Idle interval of /query's keep-alive newline (default 1000 ms). */
  readonly keepAliveMs?: number;
}

/** What createApiServer takes to serve ksqlDB's REST API (see server/api/README.md). */
export interface RestApi {
  readonly routes: readonly Route[];
  readonly guard: RequestGuard;
  readonly upgrade: UpgradeHandler;
  /** For the socket.io handshake: the same credentials as REST. */
  readonly verifier: CredentialVerifier;
  /** Ends every query streaming to a REST or WebSocket client (their responses then end). */
  close(): Promise<void>;
}

export function createRestApi(options: RestApiOptions): RestApi {
  const verifier = createCredentialVerifier(options.settings);
  const ctx: RestContext = {
    engine: options.engine,
    limits: new QueryLimits(options.engine, options.settings),
    maxRequestBytes: options.settings.maxRequestBytes,
    keepAliveMs: options.keepAliveMs ?? 1000,
    maxBufferedBytes: 1024 * 1024,
    commandTimeoutMs: options.commandTimeoutMs ?? 5000,
    log: options.logger.child({ component: 'rest' }),
    active: new Set(),
  };
  return {
    routes: [
      ksqlRoute(ctx),
      queryRoute(ctx),
      queryStreamRoute(ctx),
      insertsStreamRoute(ctx),
      closeQueryRoute(ctx),
      ...statusRoutes(ctx),
      isValidPropertyRoute(),
      ...metadataRoutes(ctx),
    ],
    guard: createRequestGuard({ corsOrigins: options.corsOrigins, verifier }),
    upgrade: wsQueryUpgrade(ctx, { verifier, isReady: options.isReady, corsOrigins: options.corsOrigins }),
    verifier,
    close: async () => {
      await Promise.all([...ctx.active].map((h) => h.close().catch(() => undefined)));
    },
  };
}
