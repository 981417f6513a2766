/**
 * Push queries over one cleartext HTTP/2 session (as ksqlDB's Java client multiplexes them):
 * each is a /query-stream stream in the delimited format whose rows are counted, not kept.
 */
import http2 from 'node:http2';

export interface CountedPush {
  readonly status: Promise<number>;
  rows(): number;
  /** Lines that were neither the metadata nor a row (inline errors). */
  readonly errors: string[];
  close(): void;
}

export function h2Session(base: string): http2.ClientHttp2Session {
  const session = http2.connect(base);
  session.on('error', () => undefined);
  return session;
}

export function h2PushQuery(session: http2.ClientHttp2Session, sql: string): CountedPush {
  const stream = session.request({
    ':method': 'POST',
    ':path': '/query-stream',
    'content-type': 'application/json',
    accept: 'application/vnd.ksqlapi.delimited.v1',
  });
  let rows = 0;
  let lines = 0;
  let pending = '';
  const errors: string[] = [];
  const status = new Promise<number>((resolve) => {
    stream.on('response', (headers) => resolve(Number(headers[':status'])));
    stream.on('close', () => resolve(0));
  });
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    pending += chunk;
    let nl: number;
    while ((nl = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, nl).trim();
      pending = pending.slice(nl + 1);
      if (line.length === 0) continue;
      if (lines++ === 0) continue; // the metadata line
      if (line.startsWith('[')) rows++;
      else errors.push(line.slice(0, 300));
    }
  });
  stream.on('error', () => undefined);
  stream.end(JSON.stringify({ sql, properties: {} }));
  return { status, rows: () => rows, errors, close: () => stream.close(http2.constants.NGHTTP2_CANCEL) };
}
