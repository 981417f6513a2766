/** Starts the socket features on an ephemeral port and connects real socket.io clients to them. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { io as connect, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../../lib/contracts/socket';
import { createLogger } from '../../../log/logger';
import { attachSocketServer, type KappaIo, type KappaSocket } from '../socket-server';
import type { RunHistoryService, SavedQueriesService } from '../services';
import type { ViewerLimits } from '../viewer-channel';
import { workbenchFeatures } from '../workbench-features';
import type { FakeEngine } from './fake-engine';

export type TestClient = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface Harness {
  readonly url: string;
  readonly io: KappaIo;
  client(options?: { auth?: Record<string, string> }): Promise<TestClient>;
  close(): Promise<void>;
}

export async function startHarness(
  engine: FakeEngine,
  options: {
    limits?: Partial<ViewerLimits>;
    savedQueries?: SavedQueriesService;
    runHistory?: RunHistoryService;
    statusIntervalMs?: number;
    authorize?: (handshake: KappaSocket['handshake']) => boolean;
  } = {},
): Promise<Harness> {
  const logger = createLogger({ level: 'error', format: 'json', write: () => undefined });
  const server = http.createServer();
  const io = attachSocketServer(server, {
    corsOrigins: [],
    health: engine.health,
    logger,
    ...(options.authorize ? { authorize: options.authorize } : {}),
    features: workbenchFeatures({
      engine,
      logger,
      ...options,
      statusIntervalMs: options.statusIntervalMs ?? 100,
    }),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clients: TestClient[] = [];
  return {
    url,
    io,
    client: async (clientOptions = {}) => {
      const socket: TestClient = connect(url, {
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
        ...(clientOptions.auth ? { auth: clientOptions.auth } : {}),
      });
      clients.push(socket);
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      return socket;
    },
    close: async () => {
      for (const c of clients) c.disconnect();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      server.closeAllConnections();
    },
  };
}

/** Resolves when `predicate` holds, polling; fails after `timeoutMs`. */
export async function until(predicate: () => boolean, timeoutMs = 3000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
