import { ErrorCodes } from '../../../lib/contracts/errors';
import { QueryRunRequestSchema, RunRefSchema, type QueryRunRequest } from '../../../lib/contracts/query';
import type { EngineApi } from '../../engine/engine-api';
import { toKappaError } from '../../errors/kappa-error';
import type { Ack } from '../../../lib/contracts/socket';
import { describeZodError, splitArgs } from './ack';
import type { HistoryRecorder } from './history-recorder';
import { emitRunError, stringProperties } from './run-errors';
import type { SharedRun } from './shared-run';
import type { KappaSocket, SocketFeature } from './socket-server';
import { routeStatement } from './statement-kind';
import { startSharedRun, type RunDeps } from './start-run';

export interface QueryFeatureDeps extends RunDeps {
  readonly engine: Pick<EngineApi, 'query' | 'execute'>;
  readonly history: HistoryRecorder;
}

/**
 * query:run and the lifecycle of a run: cancel, pause/resume (the engine keeps the position),
 * attach/detach of further viewers, and clean-up when a browser goes away.
 */
export function queryFeature(deps: QueryFeatureDeps): SocketFeature {
  const { registry, logger } = deps;

  const runStatement = async (socket: KappaSocket, request: QueryRunRequest): Promise<void> => {
    const recorded = deps.history.start(request.sql, 'statement');
    try {
      const entities = await deps.engine.execute(request.sql, {
        properties: stringProperties(request.properties),
        variables: request.variables,
      });
      if (entities.length === 0) socket.emit('statement:result', { runId: request.runId, entity: null });
      for (const entity of entities) {
        const sequence = entity['commandSequenceNumber'];
        socket.emit('statement:result', {
          runId: request.runId,
          entity,
          ...(typeof sequence === 'number' ? { commandSequenceNumber: sequence } : {}),
        });
      }
      recorded.finish({ status: 'completed', rowCount: 0 });
    } catch (error) {
      const kappa = emitRunError(socket, request.runId, error, logger);
      recorded.finish({ status: 'failed', rowCount: 0, errorCode: kappa.code, errorMessage: kappa.message });
    }
  };

  const runQuery = (socket: KappaSocket, request: QueryRunRequest, kind: string): Promise<void> =>
    startSharedRun(
      deps,
      socket,
      request.runId,
      () =>
        deps.engine.query(request.sql, {
          properties: stringProperties(request.properties),
          variables: request.variables,
        }),
      deps.history.start(request.sql, kind),
    );

  const run = async (socket: KappaSocket, payload: unknown): Promise<void> => {
    const parsed = QueryRunRequestSchema.safeParse(payload);
    if (!parsed.success) {
      const runId = RunRefSchema.safeParse(payload);
      if (runId.success)
        socket.emit('query:error', {
          runId: runId.data.runId,
          code: ErrorCodes.BAD_REQUEST,
          message: describeZodError(parsed.error),
          diagnostics: [],
        });
      return;
    }
    const request = parsed.data;
    if (registry.isTaken(request.runId)) {
      socket.emit('query:error', {
        runId: request.runId,
        code: ErrorCodes.BAD_REQUEST,
        message: `A run with id ${request.runId} is already running.`,
        diagnostics: [],
      });
      return;
    }
    const route = routeStatement(request.sql, request.variables);
    switch (route.kind) {
      case 'invalid': {
        const first = route.diagnostics.find((d) => d.severity === 'error');
        socket.emit('query:error', {
          runId: request.runId,
          code: first?.code ?? ErrorCodes.BAD_STATEMENT,
          message: first?.message ?? 'The statement could not be parsed.',
          diagnostics: [...route.diagnostics],
        });
        deps.history.start(request.sql, 'statement').finish({
          status: 'failed',
          rowCount: 0,
          errorCode: first?.code ?? ErrorCodes.BAD_STATEMENT,
          errorMessage: first?.message ?? '',
        });
        return;
      }
      case 'statement':
        return runStatement(socket, request);
      case 'query':
        return runQuery(socket, request, route.queryKind);
    }
  };

  /** The run a socket may control: it must be one of its viewers. */
  const controlled = (socket: KappaSocket, payload: unknown): SharedRun | undefined => {
    const ref = RunRefSchema.safeParse(payload);
    if (!ref.success) return undefined;
    const found = registry.get(ref.data.runId);
    return found?.hasViewer(socket.id) ? found : undefined;
  };

  return (socket) => {
    socket.on('query:run', (payload) => {
      run(socket, payload).catch((error: unknown) => logger.error('query:run failed', { error }));
    });
    socket.on('query:cancel', (payload) => {
      const ref = RunRefSchema.safeParse(payload);
      if (ref.success && registry.cancelStarting(ref.data.runId)) return;
      const target = controlled(socket, payload);
      target
        ?.cancel()
        .catch((error: unknown) => logger.warn('cancel failed', { error: toKappaError(error).message }));
    });
    socket.on('query:pause', (payload) => controlled(socket, payload)?.pause());
    socket.on('query:resume', (payload) => controlled(socket, payload)?.resume());
    socket.on('query:attach', (...args: unknown[]) => {
      const { payload, ack } = splitArgs<Ack<null>>(args);
      if (ack === undefined) return;
      const ref = RunRefSchema.safeParse(payload);
      if (!ref.success)
        return ack({ ok: false, code: ErrorCodes.BAD_REQUEST, message: describeZodError(ref.error) });
      const target = registry.get(ref.data.runId);
      if (!target || target.ended)
        return ack({
          ok: false,
          code: ErrorCodes.NOT_FOUND,
          message: `No running query with run id ${ref.data.runId}.`,
        });
      ack({ ok: true, value: null });
      target.attach(socket);
    });
    socket.on('query:detach', (payload) => controlled(socket, payload)?.detach(socket.id));
    socket.on('disconnect', () => {
      const mine = registry.forSocket(socket.id);
      for (const id of mine.starting) registry.cancelStarting(id);
      for (const target of mine.runs) target.detach(socket.id);
    });
  };
}
