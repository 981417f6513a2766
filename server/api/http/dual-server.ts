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
}

/**
 * Serves HTTP/1.1 and cleartext HTTP/2 with prior knowledge on the same port, as ksqlDB does.
 * Node's http2 server only negotiates HTTP/1.1 over TLS (ALPN), so for cleartext we read the
 * first bytes of each connection and hand the socket to the right server.
 */
export function createDualServer(listener: RequestListener): DualServer {
  const h1 = http.createServer({ keepAliveTimeout: 65_000 }, listener);
  const h2 = http2.createServer({}, listener);
  const server = net.createServer((socket) => {
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
  return { server, http1: h1, http2: h2 };
}
