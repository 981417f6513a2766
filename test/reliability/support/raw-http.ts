/**
 * Byte-level HTTP clients for fuzzing: HTTP/1.1 (a fresh connection per request) and cleartext
 * HTTP/2 with prior knowledge (one session, reopened if the server closes it). Bodies are Buffers
 * so that invalid UTF-8 reaches the server as sent. A request still streaming after `timeoutMs`
 * (a push query the fuzzer happened to write) is cancelled and reported as `streaming`.
 */
import http from 'node:http';
import http2 from 'node:http2';

export interface RawRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: Buffer;
}

export interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
  /** Still sending when the time-out hit (the body is what arrived until then). */
  readonly streaming: boolean;
}

export type RawClient = (request: RawRequest) => Promise<RawResponse>;

export function http1Client(base: string, timeoutMs = 3000): RawClient {
  return (request) =>
    new Promise((resolve, reject) => {
      const req = http.request(`${base}${request.path}`, {
        method: request.method,
        headers: { ...request.headers, 'content-length': String(request.body.length) },
        agent: false,
      });
      const timer = setTimeout(() => req.destroy(new Error('timeout')), timeoutMs);
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        let settled = false;
        const finish = (streaming: boolean): void => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
            streaming,
          });
        };
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => finish(false));
        res.on('error', () => finish(true));
        res.on('aborted', () => finish(true));
        res.on('close', () => finish(!res.complete));
      });
      req.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      req.end(request.body);
    });
}

export interface H2Client {
  readonly send: RawClient;
  close(): void;
}

export function h2cClient(base: string, timeoutMs = 3000): H2Client {
  let session: http2.ClientHttp2Session | undefined;
  const open = (): http2.ClientHttp2Session => {
    if (session && !session.closed && !session.destroyed) return session;
    const s = http2.connect(base);
    s.on('error', () => undefined);
    session = s;
    return s;
  };
  const send: RawClient = (request) =>
    new Promise((resolve, reject) => {
      const empty = request.body.length === 0;
      const stream = open().request(
        { ':method': request.method, ':path': request.path, ...request.headers },
        { endStream: empty },
      );
      const chunks: Buffer[] = [];
      let status = 0;
      let headers: Record<string, string | string[] | undefined> = {};
      let settled = false;
      const finish = (streaming: boolean): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (status === 0) reject(new Error('HTTP/2 stream closed without a response'));
        else resolve({ status, headers, body: Buffer.concat(chunks), streaming });
      };
      const timer = setTimeout(() => {
        finish(true);
        stream.close(http2.constants.NGHTTP2_CANCEL);
      }, timeoutMs);
      stream.on('response', (h) => {
        status = Number(h[':status']);
        headers = h;
      });
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => finish(false));
      stream.on('close', () => finish(false));
      stream.on('error', () => finish(true));
      if (!empty) stream.end(request.body);
    });
  return { send, close: () => session?.close() };
}
