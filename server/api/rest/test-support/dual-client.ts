import { h2Request } from './h2-client';

export type Protocol = 'http1' | 'http2';
export const PROTOCOLS: readonly Protocol[] = ['http1', 'http2'];

export interface Reply {
  readonly status: number;
  readonly type: string;
  readonly text: string;
}

/** One request over HTTP/1.1 (fetch) or cleartext HTTP/2 with prior knowledge (node:http2). */
export async function call(
  protocol: Protocol,
  base: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Reply> {
  const text = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  if (protocol === 'http2') {
    const r = await h2Request(base, path, { method, headers, ...(text !== undefined ? { body: text } : {}) });
    return { status: r.status, type: String(r.headers['content-type'] ?? ''), text: r.body };
  }
  const r = await fetch(base + path, { method, headers, ...(text !== undefined ? { body: text } : {}) });
  return { status: r.status, type: r.headers.get('content-type') ?? '', text: await r.text() };
}

export function json<T = unknown>(reply: Reply): T {
  return JSON.parse(reply.text) as T;
}
