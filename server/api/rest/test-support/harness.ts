import { silentLogger } from '../../../log/logger';
import { createApiServer, type ApiServer } from '../../api-server';
import { createRestApi, type RestApi, type RestSettings } from '../rest-api';
import type { RestEngine } from '../rest-context';

export const DEFAULT_SETTINGS: RestSettings = {
  basicAuth: [],
  apiKeys: [],
  maxRequestBytes: 64 * 1024,
  maxPushQueries: 100,
  pullQueriesPerSecond: null,
};

export interface RestServer {
  readonly url: string;
  readonly port: number;
  readonly api: ApiServer;
  readonly rest: RestApi;
  close(): Promise<void>;
}

/** The API server with the REST routes over `engine`, on a free loopback port. */
export async function startRestServer(
  engine: RestEngine,
  settings: Partial<RestSettings> = {},
  options: { keepAliveMs?: number; isReady?: () => boolean } = {},
): Promise<RestServer> {
  const isReady = options.isReady ?? (() => true);
  const rest = createRestApi({
    engine,
    settings: { ...DEFAULT_SETTINGS, ...settings },
    corsOrigins: ['http://allowed.example'],
    logger: silentLogger,
    isReady,
    keepAliveMs: options.keepAliveMs ?? 1000,
  });
  const api = createApiServer({
    host: '127.0.0.1',
    port: 0,
    corsOrigins: ['http://allowed.example'],
    health: engine.health,
    logger: silentLogger,
    routes: rest.routes,
    guard: rest.guard,
    upgrades: [rest.upgrade],
    beforeClose: () => rest.close(),
    isReady,
  });
  const { port } = await api.listen();
  return { url: `http://127.0.0.1:${port}`, port, api, rest, close: () => api.close() };
}
