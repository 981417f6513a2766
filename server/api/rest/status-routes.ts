import { ErrorCodes } from '../../../lib/contracts/errors';
import { KappaError } from '../../errors/kappa-error';
import { sendJson } from '../http/respond';
import type { Route } from '../http/router';
import type { RestContext } from './rest-context';

/**
 * GET /status — every command's status by command id; GET /status/{type}/{entity}/{action} — one
 * command's `{status, message, queryId}`. The entity may be given with or without the back-quotes
 * of the stored id (``stream/`S`/create``), and in any case.
 */
export function statusRoutes(ctx: RestContext): Route[] {
  return [
    {
      method: 'GET',
      path: '/status',
      handler: ({ res }) => {
        const commandStatuses: Record<string, string> = {};
        for (const [id, s] of ctx.engine.commandStatuses()) commandStatuses[id] = s.status;
        sendJson(res, 200, { commandStatuses });
      },
    },
    {
      method: 'GET',
      path: '/status/{type}/{entity}/{action}',
      handler: ({ res, params }) => {
        const { type = '', entity = '', action = '' } = params;
        const statuses = ctx.engine.commandStatuses();
        const bare = entity.replace(/^`(.*)`$/, '$1');
        const candidates = [`${type}/${entity}/${action}`, `${type}/\`${bare}\`/${action}`];
        let found = candidates.map((c) => statuses.get(c)).find((s) => s !== undefined);
        if (found === undefined) {
          const wanted = new Set(candidates.map((c) => c.toLowerCase()));
          found = [...statuses].find(([id]) => wanted.has(id.toLowerCase()))?.[1];
        }
        if (found === undefined) {
          throw new KappaError(ErrorCodes.NOT_FOUND, `Command not found: ${type}/${entity}/${action}`);
        }
        sendJson(res, 200, { status: found.status, message: found.message, queryId: found.queryId });
      },
    },
  ];
}
