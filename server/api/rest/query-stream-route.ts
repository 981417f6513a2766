import { MediaTypes, QueryStreamArgsSchema } from '../../../lib/contracts/rest';
import { negotiate } from '../http/accept';
import { readJsonBody } from '../http/body';
import type { Route } from '../http/router';
import { marksKeys } from './key-marking';
import { notAcceptable } from './not-acceptable';
import { requestProperties, requestVariables } from './properties';
import { openQuery, type RestContext } from './rest-context';
import {
  delimitedEncoding,
  jsonArrayEncoding,
  printEncoding,
  streamedRowsEncoding,
  type QueryEncoding,
} from './result-encoding';
import { streamQuery } from './stream-query';

const PRODUCES = [MediaTypes.DELIMITED, MediaTypes.JSON, MediaTypes.KSQL_V1_JSON];

/**
 * POST /query-stream — the newer API (ksqlDB's Java client), over HTTP/2 or HTTP/1.1 chunked.
 * Accept chooses the encoding: delimited (default) — a metadata line then one JSON array per row;
 * application/json — one array; application/vnd.ksql.v1+json — the StreamedRow array of /query.
 * PRINT is served in delimited mode only (406 otherwise), as in ksqlDB.
 */
export function queryStreamRoute(ctx: RestContext): Route {
  return {
    method: 'POST',
    path: '/query-stream',
    handler: async ({ req, res }) => {
      const mediaType = negotiate(req.headers.accept, PRODUCES, MediaTypes.DELIMITED);
      if (mediaType === undefined) throw notAcceptable(req.headers.accept);
      const args = await readJsonBody(req, QueryStreamArgsSchema, ctx.maxRequestBytes);
      const handle = await openQuery(ctx, {
        sql: args.sql,
        properties: requestProperties(args.properties),
        variables: requestVariables(args.sessionVariables),
      });
      if (handle.kind === 'print' && mediaType !== MediaTypes.DELIMITED) {
        await handle.close();
        throw notAcceptable(req.headers.accept);
      }
      const encoding: QueryEncoding =
        handle.kind === 'print'
          ? printEncoding(handle, mediaType)
          : mediaType === MediaTypes.JSON
            ? jsonArrayEncoding(handle)
            : mediaType === MediaTypes.KSQL_V1_JSON
              ? {
                  ...streamedRowsEncoding(handle, mediaType, marksKeys(handle, ctx.engine.catalog())),
                  keepAlive: undefined,
                } // /query only
              : delimitedEncoding(handle);
      await streamQuery(handle, res, encoding, {
        keepAliveMs: ctx.keepAliveMs,
        maxBufferedBytes: ctx.maxBufferedBytes,
        log: ctx.log,
        active: ctx.active,
      });
    },
  };
}
