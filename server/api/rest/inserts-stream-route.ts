import { once } from 'node:events';
import { ErrorCodes } from '../../../lib/contracts/errors';
import {
  InsertRowSchema,
  InsertsStreamArgsSchema,
  MediaTypes,
  type InsertAck,
} from '../../../lib/contracts/rest';
import { KappaError } from '../../errors/kappa-error';
import { parseJsonBody } from '../http/body';
import { endResponse, flushHeaders, writeChunk } from '../http/response-io';
import { endAndStopReading } from '../http/stop-reading';
import type { Route } from '../http/router';
import { readLines } from './line-reader';
import type { RestContext } from './rest-context';
import { insertTarget } from './insert-target';

/** Rows queued or awaiting their ack before the handler stops reading the request. */
const MAX_IN_FLIGHT = 256;

/**
 * POST /inserts-stream — newline-delimited: `{"target","properties"}` then one JSON object per row;
 * answers with one ack per row (`{"status":"ok","seq":n}` or an error ack), newline-delimited or,
 * with Accept: application/json, as one JSON array. A line that is not JSON gets a 40000 ack and
 * ends the stream. Reading pauses while too many inserts are unacknowledged or the client is not
 * reading its acks.
 */
export function insertsStreamRoute(ctx: RestContext): Route {
  return {
    method: 'POST',
    path: '/inserts-stream',
    handler: async ({ req, res }) => {
      const lines = readLines(req, ctx.maxRequestBytes);
      const first = await lines.next();
      if (first.done === true || first.value.kind !== 'line') {
        throw new KappaError(ErrorCodes.BAD_REQUEST, 'Missing the inserts-stream arguments line');
      }
      const args = parseJsonBody(first.value.text, InsertsStreamArgsSchema);
      const target = insertTarget(ctx.engine.catalog(), args.target);

      const asArray = (req.headers.accept ?? '').includes(MediaTypes.JSON);
      res.statusCode = 200;
      res.setHeader('content-type', asArray ? MediaTypes.JSON : MediaTypes.DELIMITED);
      // The stream may end before its body does (a bad line); never offer the connection for reuse.
      if (req.httpVersionMajor === 1) res.setHeader('connection', 'close');
      if (asArray) writeChunk(res, '[');
      else flushHeaders(res);

      let closed = false;
      res.once('close', () => (closed = true));
      let acks = 0;
      const sendAck = (ack: InsertAck): boolean => {
        if (closed) return true;
        const text = JSON.stringify(ack);
        return writeChunk(res, asArray ? `${acks++ > 0 ? ',' : ''}${text}` : `${text}\n`);
      };

      const inFlight = new Set<Promise<void>>();
      const finalText = asArray ? ']' : undefined;
      let seq = 0;
      let previous: Promise<void> = Promise.resolve();
      for (;;) {
        const next = await lines.next();
        if (next.done === true || closed) break;
        const line = next.value;
        const row = line.kind === 'line' ? parseRow(line.text) : undefined;
        if (row === undefined) {
          // Stop reading without draining the rest; answer what is in flight, then close.
          await Promise.all(inFlight);
          sendAck(
            line.kind === 'too-long'
              ? errorAck(seq, ErrorCodes.PAYLOAD_TOO_LARGE, 'Row too large')
              : errorAck(seq, ErrorCodes.BAD_REQUEST, 'Invalid JSON in inserts stream'),
          );
          if (!closed) endAndStopReading(req, res, finalText);
          return;
        }
        const n = seq++;
        // Rows are written one after another so they reach the topic in the order sent, as in
        // ksqlDB (the engine's writer does not promise to keep the order of concurrent writes).
        const p: Promise<void> = previous
          .then(() => ctx.engine.insertRow(target, row))
          .then(
            (r): InsertAck =>
              r.ok ? { status: 'ok', seq: n } : errorAck(n, r.code ?? 50000, r.message ?? 'Insert failed'),
            (error: unknown): InsertAck => {
              const e = error instanceof KappaError ? error : undefined;
              if (!e) ctx.log.error('insert failed', { error });
              return errorAck(n, e?.code ?? 50000, e?.message ?? 'Internal server error');
            },
          )
          .then((ack) => void sendAck(ack))
          .finally(() => inFlight.delete(p));
        previous = p;
        inFlight.add(p);
        if (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
        if (!closed && res.writableLength > res.writableHighWaterMark) await once(res, 'drain');
      }
      await Promise.all(inFlight);
      if (!closed) endResponse(res, finalText);
    },
  };
}

function errorAck(seq: number, code: number, message: string): InsertAck {
  return { status: 'error', seq, error_code: code, message };
}

function parseRow(text: string): Record<string, unknown> | undefined {
  try {
    const parsed = InsertRowSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
