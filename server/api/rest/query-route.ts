import { KsqlRequestSchema, MediaTypes } from '../../../lib/contracts/rest';
import { negotiate } from '../http/accept';
import { readJsonBody } from '../http/body';
import type { Route } from '../http/router';
import { marksKeys } from './key-marking';
import { notAcceptable } from './not-acceptable';
import { requestProperties, requestVariables } from './properties';
import { openQuery, type RestContext } from './rest-context';
import {
  delimitedEncoding,
  printEncoding,
  streamedRowsEncoding,
  type QueryEncoding,
} from './result-encoding';
import { streamQuery } from './stream-query';

const PRODUCES = [MediaTypes.KSQL_V1_JSON, MediaTypes.JSON, MediaTypes.DELIMITED];

/**
 * POST /query — the legacy streaming endpoint the ksql CLI uses: a chunked StreamedRow array (a
 * header, rows, tombstones, a final message), a bare newline while a push query is idle, and the
 * query ends when the client disconnects. PRINT streams plain text lines.
 */
export function queryRoute(ctx: RestContext): Route {
  return {
    method: 'POST',
    path: '/query',
    handler: async ({ req, res }) => {
      const mediaType = negotiate(req.headers.accept, PRODUCES, MediaTypes.KSQL_V1_JSON);
      if (mediaType === undefined) throw notAcceptable(req.headers.accept);
      const request = await readJsonBody(req, KsqlRequestSchema, ctx.maxRequestBytes);
      const handle = await openQuery(ctx, {
        sql: request.ksql,
        properties: requestProperties(request.streamsProperties),
        variables: requestVariables(request.sessionVariables),
        commandSequenceNumber: request.commandSequenceNumber,
      });
      const encoding: QueryEncoding =
        handle.kind === 'print'
          ? printEncoding(handle, mediaType)
          : mediaType === MediaTypes.DELIMITED
            ? delimitedEncoding(handle)
            : streamedRowsEncoding(handle, mediaType, marksKeys(handle, ctx.engine.catalog()));
      await streamQuery(handle, res, encoding, {
        keepAliveMs: ctx.keepAliveMs,
        maxBufferedBytes: ctx.maxBufferedBytes,
        log: ctx.log,
        active: ctx.active,
      });
    },
  };
}
