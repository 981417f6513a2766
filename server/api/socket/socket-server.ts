import type http from 'node:http';
import { Server, type Socket } from 'socket.io';
import { ErrorCodes } from '../../../lib/contracts/errors';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../lib/contracts/socket';
import type { HealthSource } from '../../engine/health';
import type { Logger } from '../../log/logger';
import { originPolicy } from '../http/origin';

export type KappaSocket = Socket<ClientToServerEvents, ServerToClientEvents>;
export type KappaIo = Server<ClientToServerEvents, ServerToClientEvents>;

/** Registers one feature's socket handlers on a newly connected socket. */
export type SocketFeature = (socket: KappaSocket) => void;

export interface SocketServerOptions {
  readonly corsOrigins: readonly string[];
  readonly health: HealthSource;
  readonly logger: Logger;
  readonly features: readonly SocketFeature[];
  /** Largest accepted message, bytes (socket.io's maxHttpBufferSize). */
  readonly maxMessageBytes?: number;
  /** Checks a connection's credentials (the same users and API keys as REST); absent: open. */
  readonly authorize?: (handshake: KappaSocket['handshake']) => boolean;
}

/** socket.io for the workbench, on the engine's HTTP/1.1 server (same port as REST). */
export function attachSocketServer(server: http.Server, options: SocketServerOptions): KappaIo {
  const origins = originPolicy(options.corsOrigins);
  const io: KappaIo = new Server(server, {
    cors: { origin: [...options.corsOrigins], methods: ['GET', 'POST'] },
    // CORS headers alone never stop a WebSocket: a page from another origin could open the
    // workbench socket in a visitor's browser. Its handshake is refused (see http/origin.ts).
    allowRequest: (req, callback) => callback(null, origins(req.headers.origin) !== 'refused'),
    maxHttpBufferSize: options.maxMessageBytes ?? 2 * 1024 * 1024,
    serveClient: false,
  });
  options.health.onChange((health) => io.emit('server:health', health));
  const authorize = options.authorize;
  if (authorize) {
    io.use((socket, next) => {
      if (authorize(socket.handshake)) return next();
      // The browser sees this message and `data` in its connect_error event.
      next(Object.assign(new Error('Unauthorized'), { data: { code: ErrorCodes.UNAUTHORIZED } }));
    });
  }
  io.on('connection', (socket) => {
    options.logger.debug('workbench connected', { socket: socket.id });
    socket.emit('server:health', options.health.snapshot());
    for (const feature of options.features) feature(socket);
  });
  return io;
}
