import { ErrorCodes } from '../../../lib/contracts/errors';
import { KappaError } from '../../errors/kappa-error';
import { sendJson } from '../http/respond';
import type { Route } from '../http/router';
import { propertyProblem } from './properties';

/** GET /is_valid_property/{name} — `true`, or 40000 when a request may not set it. */
export function isValidPropertyRoute(): Route {
  return {
    method: 'GET',
    path: '/is_valid_property/{name}',
    handler: ({ res, params }) => {
      const problem = propertyProblem(params.name ?? '');
      if (problem !== undefined) throw new KappaError(ErrorCodes.BAD_REQUEST, problem);
      sendJson(res, 200, true);
    },
  };
}
