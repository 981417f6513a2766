import type { QueryEnd, QueryHandle, ResultRow } from '../../engine/queries/query-handle';
import type { Logger } from '../../log/logger';
import type { AnyResponse } from '../http/dual-server';
import { endResponse, flushHeaders, writeChunk } from '../http/response-io';
import type { QueryEncoding } from './result-encoding';

export interface StreamQueryOptions {
  /** Idle time after which a push query writes `encoding.keepAlive`. */
  readonly keepAliveMs: number;
  /**
   * Bytes a response may hold beyond its socket buffer while the query is paused (rows already in
   * flight when the client fell behind); past it rows are dropped and counted, never buffered.
   */
  readonly maxBufferedBytes: number;
  readonly log: Logger;
  /** The set of running queries to leave when done (RestContext.active). */
  readonly active?: Set<QueryHandle>;
}

/**
 * Streams a started-to-be query handle into an HTTP response (HTTP/1.1 chunked or HTTP/2) and
 * resolves when the response is finished. Backpressure: when the socket buffer is full the
 * handle is paused (its Kafka consumer stops fetching) until `drain`. A client that goes away ends
 * the query.
 */
export function streamQuery(
  handle: QueryHandle,
  res: AnyResponse,
  encoding: QueryEncoding,
  options: StreamQueryOptions,
): Promise<void> {
  return new Promise<void>((resolve) => {
    let finished = false;
    let paused = false;
    let bufferedWhilePaused = 0;
    let dropped = 0;
    let lastWrite = Date.now();
    let timer: NodeJS.Timeout | undefined;

    const write = (text: string): void => {
      if (text.length === 0) return;
      lastWrite = Date.now();
      if (paused) bufferedWhilePaused += Buffer.byteLength(text);
      if (!writeChunk(res, text) && !paused) {
        paused = true;
        handle.pause();
      }
    };
    const finish = (): void => {
      finished = true;
      options.active?.delete(handle);
      if (timer !== undefined) clearInterval(timer);
      res.removeListener('close', onClose);
      res.removeListener('drain', onDrain);
      if (dropped > 0) {
        options.log.warn('rows dropped for a slow REST client', { queryId: handle.id, dropped });
      }
      resolve();
    };
    const onClose = (): void => {
      if (finished) return;
      finish();
      handle.close().catch((error: unknown) => options.log.warn('closing a query failed', { error }));
    };
    const onDrain = (): void => {
      bufferedWhilePaused = 0;
      if (paused && !finished) {
        paused = false;
        handle.resume();
      }
    };

    res.statusCode = 200;
    res.setHeader('content-type', encoding.contentType);
    res.setHeader('cache-control', 'no-cache');
    res.on('close', onClose);
    res.on('drain', onDrain);
    const begin = encoding.begin();
    if (begin.length > 0) write(begin);
    else flushHeaders(res);

    const keepAlive = encoding.keepAlive;
    if (keepAlive !== undefined && handle.kind === 'push') {
      timer = setInterval(() => {
        if (!finished && !paused && Date.now() - lastWrite >= options.keepAliveMs) write(keepAlive);
      }, options.keepAliveMs);
      timer.unref();
    }

    try {
      handle.start({
        rows: (rows: readonly ResultRow[]) => {
          if (finished) return;
          for (const row of rows) {
            const text = encoding.row(row);
            if (text === null) continue;
            if (paused && bufferedWhilePaused > options.maxBufferedBytes) {
              dropped++;
              continue;
            }
            write(text);
          }
        },
        end: (end: QueryEnd) => {
          if (finished) return;
          finish();
          endResponse(res, encoding.end(end));
        },
      });
    } catch (error) {
      options.log.error('query failed to start', { queryId: handle.id, error });
      if (!finished) {
        finish();
        endResponse(
          res,
          encoding.end({ reason: 'error', error: { code: 50000, message: 'Query failed to start' } }),
        );
      }
      void handle.close().catch(() => undefined);
    }
  });
}
