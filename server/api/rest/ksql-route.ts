import { KsqlRequestSchema, MediaTypes } from '../../../lib/contracts/rest';
import { readJsonBody } from '../http/body';
import { sendJson } from '../http/respond';
import type { Route } from '../http/router';
import { requestProperties, requestVariables } from './properties';
import type { RestContext } from './rest-context';

/**
 * POST /ksql — non-query statements. The engine parses and validates every statement before any
 * runs, and reports a failure as a statement_error carrying the entities of those that ran; a
 * SELECT or PRINT is refused with 40002 pointing to /query.
 */
export function ksqlRoute(ctx: RestContext): Route {
  return {
    method: 'POST',
    path: '/ksql',
    handler: async ({ req, res }) => {
      const request = await readJsonBody(req, KsqlRequestSchema, ctx.maxRequestBytes);
      const properties = requestProperties(request.streamsProperties);
      const entities = await ctx.engine.execute(request.ksql, {
        properties,
        variables: requestVariables(request.sessionVariables),
        commandTimeoutMs: ctx.commandTimeoutMs,
        ...(request.commandSequenceNumber != null
          ? { commandSequenceNumber: request.commandSequenceNumber }
          : {}),
      });
      const accept = req.headers.accept ?? '';
      const type = accept.includes(MediaTypes.KSQL_V1_JSON) ? MediaTypes.KSQL_V1_JSON : MediaTypes.JSON;
      sendJson(res, 200, entities, type);
    },
  };
}
