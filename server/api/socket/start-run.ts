import type { QueryHandle, QueryEnd } from '../../engine/queries/query-handle';
import type { Logger } from '../../log/logger';
import type { RecordedRun } from './history-recorder';
import { emitRunError } from './run-errors';
import type { RunRegistry } from './run-registry';
import type { FinishedRunStatus } from './services';
import { SharedRun } from './shared-run';
import type { KappaSocket } from './socket-server';
import type { ViewerLimits } from './viewer-channel';
import { schemaEvent } from './wire-rows';

export interface RunDeps {
  readonly registry: RunRegistry;
  readonly logger: Logger;
  readonly limits: ViewerLimits;
  readonly replayRows: number;
  readonly statusIntervalMs: number;
  readonly now: () => number;
}

function statusOf(end: QueryEnd): FinishedRunStatus {
  if (end.reason === 'error') return 'failed';
  return end.reason === 'cancelled' ? 'cancelled' : 'completed';
}

/**
 * Opens a query and serves it as a shared run with the requesting socket as its first viewer. The
 * run id is reserved while the engine plans the query, so a cancel sent meanwhile closes it as
 * soon as it exists. The history record is finished with the run's outcome.
 */
export async function startSharedRun(
  deps: RunDeps,
  socket: KappaSocket,
  runId: string,
  open: () => Promise<QueryHandle>,
  recorded: RecordedRun,
): Promise<void> {
  deps.registry.reserve(runId, socket.id);
  let handle: QueryHandle;
  try {
    handle = await open();
  } catch (error) {
    deps.registry.release(runId);
    const kappa = emitRunError(socket, runId, error, deps.logger);
    recorded.finish({ status: 'failed', rowCount: 0, errorCode: kappa.code, errorMessage: kappa.message });
    return;
  }
  if (deps.registry.release(runId) || socket.disconnected) {
    await handle.close().catch(() => undefined);
    socket.emit('query:end', { runId, reason: 'cancelled' });
    recorded.finish({ status: 'cancelled', rowCount: 0 });
    return;
  }
  const run = new SharedRun(runId, handle, schemaEvent(runId, handle), {
    limits: deps.limits,
    replayRows: deps.replayRows,
    statusIntervalMs: deps.statusIntervalMs,
    now: deps.now,
    onFinished: (finished, outcome) => {
      deps.registry.remove(finished.runId);
      recorded.finish({
        status: statusOf(outcome.end),
        rowCount: outcome.rowsTotal,
        ...(outcome.end.error
          ? { errorCode: outcome.end.error.code, errorMessage: outcome.end.error.message }
          : {}),
      });
    },
  });
  deps.registry.add(run);
  run.attach(socket);
  run.start();
}
