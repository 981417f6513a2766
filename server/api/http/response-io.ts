import http from 'node:http';
import type { AnyResponse } from './dual-server';

/*
 * HTTP/1.1 and HTTP/2 (compat) responses have the same streaming methods, but TypeScript cannot
 * call a method on their union; these helpers narrow once so routes stay protocol-agnostic.
 *
 * HTTP/2 chunks are always written as Buffers: Node 20's Http2Stream corrupts string chunks that
 * are queued together (writev) — the second chunk's first bytes arrive as garbage (seen on
 * v20.20.2; plain `http2.createServer`, no proxy involved). Buffers are written intact.
 */

/** Writes a chunk; false means the transport buffer is full (wait for `drain`). */
export function writeChunk(res: AnyResponse, text: string): boolean {
  return res instanceof http.ServerResponse ? res.write(text) : res.write(Buffer.from(text));
}

export function endResponse(res: AnyResponse, text?: string): void {
  if (res instanceof http.ServerResponse) res.end(text);
  else if (text === undefined || text.length === 0) res.end();
  else res.end(Buffer.from(text));
}

/** Sends the status line and headers now (a stream whose first bytes may come much later). */
export function flushHeaders(res: AnyResponse): void {
  if (res instanceof http.ServerResponse) res.flushHeaders();
  else res.writeHead(res.statusCode); // the HTTP/2 compat API sends HEADERS here
}
