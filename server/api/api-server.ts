import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { ErrorCodes } from '../../lib/contracts/errors';
import type { HealthSource } from '../engine/health';
import { KappaError, toKappaError } from '../errors/kappa-error';
import type { Logger } from '../log/logger';
import { createDualServer, type AnyRequest, type AnyResponse, type DualServer } from './http/dual-server';
import type { RequestGuard } from './http/guard';
import { sendError, sendNotFound } from './http/respond';
import { Router, type Route } from './http/router';
import { healthRoutes } from './routes/healthcheck';
import { infoRoute } from './routes/info';
import {
  attachSocketServer,
  type KappaIo,
  type KappaSocket,
  type SocketFeature,
} from './socket/socket-server';
import type { UpgradeHandler } from './ws/ws-query';

export interface ApiServerOptions {
  readonly host: string;
  readonly port: number;
  readonly corsOrigins: readonly string[];
  readonly health: HealthSource;
  readonly logger: Logger;
  /** Routes beyond /info and the health checks (added by later features). */
  readonly routes?: readonly Route[];
  readonly socketFeatures?: readonly SocketFeature[];
  /** socket.io handshake check (the same credentials as REST); absent: connections are open. */
  readonly socketAuthorize?: (handshake: KappaSocket['handshake']) => boolean;
  /** Runs before routing (REST auth and CORS, see rest/rest-api.ts); false means it answered. */
  readonly guard?: RequestGuard;
  /** HTTP/1.1 upgrades besides socket.io's (the /ws/query WebSocket). */
  readonly upgrades?: readonly UpgradeHandler[];
  /** Ends long-lived responses (streaming queries, WebSockets) so closing does not wait on them. */
  readonly beforeClose?: () => Promise<void>;
  /** True once the catalog is replayed; until then most routes answer 503 / 50302. */
  readonly isReady: () => boolean;
}

export interface ApiServer {
  readonly io: KappaIo;
  readonly dual: DualServer;
  listen(): Promise<{ port: number }>;
  close(): Promise<void>;
}

export function createApiServer(options: ApiServerOptions): ApiServer {
  const router = new Router();
  for (const route of [
    infoRoute(options.health),
    ...healthRoutes(options.health),
    ...(options.routes ?? []),
  ]) {
    router.add(route);
  }
  const log = options.logger.child({ component: 'api' });

  const handle = async (req: AnyRequest, res: AnyResponse): Promise<void> => {
    const requestId = randomUUID();
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/socket.io/')) return; // socket.io answers these itself
    try {
      if (options.guard && !options.guard(req, res, url)) return;
      if (req.method === 'GET' && url.pathname === '/') {
        res.statusCode = 302;
        res.setHeader('location', '/info');
        res.end();
        return;
      }
      const match = router.match(req.method ?? 'GET', url.pathname);
      if (match === undefined) return sendNotFound(res);
      if (match === 'method-not-allowed') {
        res.statusCode = 405;
        res.end();
        return;
      }
      if (!match.route.beforeReady && !options.isReady()) {
        throw new KappaError(ErrorCodes.SERVER_NOT_READY, 'KSQL is not yet ready to serve requests.');
      }
      await match.route.handler({ req, res, url, params: match.params, requestId });
    } catch (error) {
      const kappaError = toKappaError(error);
      if (kappaError.code === ErrorCodes.SERVER_ERROR) {
        log.error('request failed', { requestId, path: url.pathname, error });
      }
      sendError(res, kappaError);
    }
  };

  const dual = createDualServer((req, res) => void handle(req, res));
  const upgrades = options.upgrades ?? [];
  if (upgrades.length > 0) {
    // socket.io listens for its own upgrades; each handler here claims only its own path.
    dual.http1.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      for (const upgrade of upgrades) if (upgrade(req, socket, head)) return;
    });
  }
  const io = attachSocketServer(dual.http1, {
    corsOrigins: options.corsOrigins,
    health: options.health,
    logger: log,
    features: options.socketFeatures ?? [],
    ...(options.socketAuthorize ? { authorize: options.socketAuthorize } : {}),
  });

  return {
    io,
    dual,
    listen: () =>
      new Promise((resolve, reject) => {
        dual.server.once('error', reject);
        dual.server.listen(options.port, options.host, () => {
          const address = dual.server.address();
          resolve({ port: typeof address === 'object' && address ? address.port : options.port });
        });
      }),
    close: async () => {
      await options.beforeClose?.();
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await dual.close();
    },
  };
}
