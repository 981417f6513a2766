import http from 'node:http';
import http2 from 'node:http2';
import net from 'node:net';

export type AnyRequest = http.IncomingMessage | http2.Http2ServerRequest;
export type AnyResponse = http.ServerResponse | http2.Http2ServerResponse;
export type RequestListener = (req: AnyRequest, res: AnyResponse) => void;

/** The first bytes of every HTTP/2 prior-knowledge connection ("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"). */
const http2PrefacePrefix = Buffer.from('PRI ');

export interface DualServer {
  /** Listens on one port for both protocols. */
  readonly server: net.Server;
  /** The HTTP/1.1 side, for socket.io and WebSocket upgrades. */
  readonly http1: http.Server;
  readonly http2: http2.Http2Server;
  /**
   * Stops listening and ends every connection (idle HTTP/1.1 keep-alives and HTTP/2 sessions
   * included, which would otherwise hold `close` open for their whole idle timeout).
   */
  close(): Promise<void>;
}

/**
 * Serves HTTP/1.1 and cleartext HTTP/2 with prior knowledge on the same port, as ksqlDB does.
 * Node's http2 server only negotiates HTTP/1.1 over TLS (ALPN), so for cleartext we read the
 * first bytes of each connection and hand the socket to the right server.
 */
export function createDualServer(listener: RequestListener): DualServer {
  const h1 = http.createServer({ keepAliveTimeout: 65_000 }, listener);
  const h2 = http2.createServer({}, listener);
  const sessions = new Set<http2.ServerHttp2Session>();
  h2.on('session', (session: http2.ServerHttp2Session) => {
    sessions.add(session);
    session.once('close', () => sessions.delete(session));
  });
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    let buffered = Buffer.alloc(0);
    const onData = (chunk: Buffer): void => {
      buffered = Buffer.concat([buffered, chunk]);
      if (
        buffered.length < http2PrefacePrefix.length &&
        http2PrefacePrefix.subarray(0, buffered.length).equals(buffered)
      ) {
        return; // too few bytes to decide yet
      }
      socket.removeListener('data', onData);
      socket.pause();
      socket.unshift(buffered);
      const target = buffered.subarray(0, http2PrefacePrefix.length).equals(http2PrefacePrefix) ? h2 : h1;
      target.emit('connection', socket);
      process.nextTick(() => socket.resume());
    };
    socket.on('data', onData);
    socket.on('error', () => socket.destroy());
  });
  const close = async (): Promise<void> => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // http.Server tracks connections only when it listens itself, so this module tracks them.
    for (const session of sessions) session.close();
    for (const socket of sockets) socket.end();
    const force = setTimeout(() => {
      for (const socket of sockets) socket.destroy();
    }, 1000);
    await closed;
    clearTimeout(force);
  };
  return { server, http1: h1, http2: h2, close };
}
