import {
  HistoryRequestSchema,
  IdRefSchema,
  RenameQueryRequestSchema,
  SaveQueryRequestSchema,
  SearchRequestSchema,
} from '../../../lib/contracts/workbench';
import { ErrorCodes } from '../../../lib/contracts/errors';
import { KappaError } from '../../errors/kappa-error';
import type { Logger } from '../../log/logger';
import { ackHandler } from './ack';
import type { RunHistoryService, SavedQueriesService } from './services';
import type { SocketFeature } from './socket-server';

export interface SavedQueriesFeatureDeps {
  readonly savedQueries?: SavedQueriesService;
  readonly runHistory?: RunHistoryService;
  readonly logger: Logger;
}

function unavailable(what: string): never {
  throw new KappaError(ErrorCodes.SERVER_NOT_READY, `${what} are not available: the engine has no database.`);
}

/**
 * Saved queries (save, rename, delete, search) and the run history. Changes are announced to every
 * connected browser, so two windows stay in step.
 */
export function savedQueriesFeature(deps: SavedQueriesFeatureDeps): SocketFeature {
  const { logger } = deps;
  const saved = (): SavedQueriesService => deps.savedQueries ?? unavailable('Saved queries');
  return (socket) => {
    const announce = (): void => void socket.nsp.emit('saved:changed');
    socket.on(
      'saved:list',
      ackHandler(SearchRequestSchema, logger, 'saved:list', (r) => saved().list(r.search || undefined)),
    );
    socket.on(
      'saved:save',
      ackHandler(SaveQueryRequestSchema, logger, 'saved:save', async (r) => {
        const record = await saved().save({
          ...(r.id !== undefined ? { id: r.id } : {}),
          name: r.name,
          sql: r.sql,
          ...(r.settings !== undefined ? { settings: r.settings } : {}),
        });
        announce();
        return record;
      }),
    );
    socket.on(
      'saved:rename',
      ackHandler(RenameQueryRequestSchema, logger, 'saved:rename', async (r) => {
        const record = await saved().rename(r.id, r.name);
        announce();
        return record;
      }),
    );
    socket.on(
      'saved:delete',
      ackHandler(IdRefSchema, logger, 'saved:delete', async (r) => {
        const removed = await saved().remove(r.id);
        if (removed) announce();
        return removed;
      }),
    );
    socket.on(
      'history:list',
      ackHandler(HistoryRequestSchema, logger, 'history:list', (r) =>
        (deps.runHistory ?? unavailable('The run history')).recent(r.limit ?? 100),
      ),
    );
  };
}
