import { ErrorCodes } from '../../../lib/contracts/errors';
import { CloseQueryArgsSchema } from '../../../lib/contracts/rest';
import { KappaError } from '../../errors/kappa-error';
import { readJsonBody } from '../http/body';
import { endResponse } from '../http/response-io';
import type { Route } from '../http/router';
import type { RestContext } from './rest-context';

/** POST /close-query — `{"queryId"}` ends a transient query: 200 with an empty body, or 40000. */
export function closeQueryRoute(ctx: RestContext): Route {
  return {
    method: 'POST',
    path: '/close-query',
    handler: async ({ req, res }) => {
      const { queryId } = await readJsonBody(req, CloseQueryArgsSchema, ctx.maxRequestBytes);
      if (!(await ctx.engine.closeQuery(queryId))) {
        throw new KappaError(ErrorCodes.BAD_REQUEST, `No query with id ${queryId}`);
      }
      res.statusCode = 200;
      endResponse(res);
    },
  };
}
