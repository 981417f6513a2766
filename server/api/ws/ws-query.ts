import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { ErrorCodes } from '../../../lib/contracts/errors';
import { KsqlRequestSchema } from '../../../lib/contracts/rest';
import { schemaInfo } from '../../engine/entities';
import type { QueryHandle } from '../../engine/queries/query-handle';
import { KappaError, toKappaError } from '../../errors/kappa-error';
import type { CredentialVerifier } from '../auth/credentials';
import { isAuthorized } from '../http/guard';
import { originPolicy } from '../http/origin';
import { requestProperties, requestVariables } from '../rest/properties';
import { openQuery, type RestContext } from '../rest/rest-context';
import { rowWriter } from '../rest/result-encoding';

/** Handles an HTTP/1.1 upgrade if it is ours; returns false to leave it to others (socket.io). */
export type UpgradeHandler = (req: http.IncomingMessage, socket: Duplex, head: Buffer) => boolean;

export interface WsQueryOptions {
  readonly verifier: CredentialVerifier;
  readonly isReady: () => boolean;
  /** Browser origins allowed (KAPPA_CORS_ORIGINS); absent: any. */
  readonly corsOrigins?: readonly string[];
}

const CLOSE_NORMAL = 1000;
const CLOSE_CANNOT_ACCEPT = 1003;
const CLOSE_UNEXPECTED = 1011;
/** Pause the query while this much is queued for a slow client; resume below a quarter of it. */
const HIGH_WATER_BYTES = 1024 * 1024;

/**
 * GET /ws/query?request=<url-encoded KsqlRequest> — ksqlDB's WebSocket query endpoint: a schema
 * frame (FieldInfo array), then one StreamedRow frame per row (PRINT: one line per frame); closed
 * with 1000 when done, 1003 when the request cannot be accepted, 1011 when the query fails.
 * The upgrade completes synchronously so socket.io's stray-upgrade timer never touches it.
 */
export function wsQueryUpgrade(ctx: RestContext, options: WsQueryOptions): UpgradeHandler {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const origins = originPolicy(options.corsOrigins ?? ['*']);
  return (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== '/ws/query') return false;
    if (origins(req.headers.origin) === 'refused') {
      reject(socket, '403 Forbidden'); // a hostile page's WebSocket (see http/origin.ts)
    } else if (!isAuthorized(options.verifier, req)) {
      reject(socket, '401 Unauthorized', 'WWW-Authenticate: Basic realm="Kappa"\r\n');
    } else if (!options.isReady()) {
      reject(socket, '503 Service Unavailable');
    } else {
      wss.handleUpgrade(req, socket, head, (ws) => void serve(ctx, ws, url));
    }
    return true;
  };
}

function reject(socket: Duplex, status: string, extra = ''): void {
  socket.end(`HTTP/1.1 ${status}\r\n${extra}Content-Length: 0\r\nConnection: close\r\n\r\n`);
}

async function serve(ctx: RestContext, ws: WebSocket, url: URL): Promise<void> {
  let handle: QueryHandle;
  try {
    const raw = url.searchParams.get('request');
    if (raw === null) throw new KappaError(ErrorCodes.BAD_REQUEST, 'Missing the request parameter');
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new KappaError(ErrorCodes.BAD_REQUEST, 'Invalid JSON in the request parameter');
    }
    const parsed = KsqlRequestSchema.safeParse(json);
    if (!parsed.success) throw new KappaError(ErrorCodes.BAD_REQUEST, 'Invalid request: "ksql" is required');
    const request = parsed.data;
    handle = await openQuery(ctx, {
      sql: request.ksql,
      properties: requestProperties(request.streamsProperties),
      variables: requestVariables(request.sessionVariables),
      commandSequenceNumber: request.commandSequenceNumber,
    });
  } catch (error) {
    ws.close(CLOSE_CANNOT_ACCEPT, reason(toKappaError(error).message));
    return;
  }
  if (ws.readyState !== ws.OPEN) {
    await handle.close();
    return;
  }
  streamToSocket(ctx, ws, handle);
}

function streamToSocket(ctx: RestContext, ws: WebSocket, handle: QueryHandle): void {
  const write = rowWriter(handle.columns);
  let finished = false;
  let paused = false;
  const onSent = (): void => {
    if (paused && !finished && ws.bufferedAmount < HIGH_WATER_BYTES / 4) {
      paused = false;
      handle.resume();
    }
  };
  const send = (text: string): void => {
    ws.send(text, onSent);
    if (!paused && ws.bufferedAmount > HIGH_WATER_BYTES) {
      paused = true;
      handle.pause();
    }
  };
  ws.on('close', () => {
    ctx.active.delete(handle);
    if (finished) return;
    finished = true;
    void handle.close().catch((error: unknown) => ctx.log.warn('closing a query failed', { error }));
  });
  if (handle.kind !== 'print') {
    send(
      JSON.stringify(
        handle.columns.map((c) => ({
          name: c.name,
          schema: schemaInfo(c.type),
          ...(c.key ? { type: 'KEY' } : {}),
        })),
      ),
    );
  }
  handle.start({
    rows: (rows) => {
      if (finished) return;
      for (const row of rows) {
        if (handle.kind === 'print') send(String(row.values[0] ?? ''));
        else send(`{"row":{"columns":${write(row)}${row.tombstone === true ? ',"tombstone":true' : ''}}}`);
      }
    },
    end: (end) => {
      ctx.active.delete(handle);
      if (finished) return;
      finished = true;
      if (end.reason === 'error') ws.close(CLOSE_UNEXPECTED, reason(end.error?.message ?? 'Query failed'));
      else ws.close(CLOSE_NORMAL, 'done');
    },
  });
}

/** A close reason is at most 123 bytes. */
function reason(message: string): string {
  let out = message;
  while (Buffer.byteLength(out) > 123) out = out.slice(0, -1);
  return out;
}
