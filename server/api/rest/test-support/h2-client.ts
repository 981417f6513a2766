import http2 from 'node:http2';

export interface H2Response {
  readonly status: number;
  readonly headers: http2.IncomingHttpHeaders;
  readonly body: string;
}

export interface H2RequestOptions {
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

/**
 * A real HTTP/2 client over cleartext with prior knowledge (what ksqlDB's Java client uses), one
 * session per call so tests stay independent.
 */
export async function h2Request(
  base: string,
  path: string,
  options: H2RequestOptions = {},
): Promise<H2Response> {
  const stream = h2Open(base, path, options);
  const chunks: string[] = [];
  for await (const chunk of stream.body) chunks.push(chunk);
  const result = { status: await stream.status, headers: await stream.headers, body: chunks.join('') };
  stream.close();
  return result;
}

export interface H2Stream {
  readonly status: Promise<number>;
  readonly headers: Promise<http2.IncomingHttpHeaders>;
  /** Response body chunks as they arrive. */
  readonly body: AsyncIterable<string>;
  /** Sends more of the request body (streaming requests such as /inserts-stream). */
  write(text: string): void;
  endRequest(): void;
  /** Cancels the stream (like a client going away) and closes the session. */
  close(): void;
}

export function h2Open(
  base: string,
  path: string,
  options: H2RequestOptions & { keepOpen?: boolean } = {},
): H2Stream {
  const session = http2.connect(base);
  session.on('error', () => undefined);
  const req = session.request({
    ':method': options.method ?? 'GET',
    ':path': path,
    ...(options.body !== undefined || options.keepOpen ? { 'content-type': 'application/json' } : {}),
    ...options.headers,
  });
  req.setEncoding('utf8');
  req.on('error', () => undefined);
  if (options.body !== undefined) req.write(options.body);
  if (!options.keepOpen) req.end();
  const headers = new Promise<http2.IncomingHttpHeaders>((resolve) => req.once('response', resolve));
  return {
    headers,
    status: headers.then((h) => Number(h[':status'])),
    body: req as AsyncIterable<string>,
    write: (text) => void req.write(text),
    endRequest: () => void req.end(),
    close: () => {
      if (!req.closed) req.close(http2.constants.NGHTTP2_CANCEL);
      session.close();
    },
  };
}
