import { ErrorCodes } from '../../../lib/contracts/errors';
import { TopicTailRequestSchema, type TopicTailRequest } from '../../../lib/contracts/catalog';
import type { EngineApi } from '../../engine/engine-api';
import type { QueryHandle, ResultRow } from '../../engine/queries/query-handle';
import { describeZodError } from './ack';
import { startSharedRun, type RunDeps } from './start-run';
import type { SocketFeature } from './socket-server';

export interface TopicTailFeatureDeps extends RunDeps {
  readonly engine: Pick<EngineApi, 'query'>;
}

function quoteTopic(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * The PRINT statement and properties for a tail. PRINT only knows "from the beginning" and "from
 * now"; an offset or timestamp start is asked of the engine through properties and also enforced
 * here, so the tail is right whether or not the engine seeks.
 */
export function tailStatement(request: TopicTailRequest): {
  sql: string;
  properties: Record<string, string>;
  keep: ((row: ResultRow, columns: readonly string[]) => boolean) | undefined;
} {
  const from = request.from;
  const beginning = from.kind !== 'now';
  const limit = request.limit !== undefined ? ` LIMIT ${request.limit}` : '';
  const sql = `PRINT ${quoteTopic(request.topic)}${beginning ? ' FROM BEGINNING' : ''}${limit};`;
  switch (from.kind) {
    case 'offset':
      return {
        sql,
        properties: { 'kappa.tail.from.offset': String(from.offset) },
        keep: (row, columns) => Number(row.values[columns.indexOf('OFFSET')] ?? 0) >= from.offset,
      };
    case 'timestamp':
      return {
        sql,
        properties: { 'kappa.tail.from.timestamp': String(from.timestamp) },
        keep: (row, columns) => Number(row.values[columns.indexOf('ROWTIME')] ?? 0) >= from.timestamp,
      };
    default:
      return { sql, properties: {}, keep: undefined };
  }
}

/** A handle whose rows pass through `keep` first (every other call goes to the engine's handle). */
function filtered(handle: QueryHandle, keep: (row: ResultRow) => boolean): QueryHandle {
  return {
    id: handle.id,
    kind: handle.kind,
    columns: handle.columns,
    mode: handle.mode,
    ...(handle.window ? { window: handle.window } : {}),
    sql: handle.sql,
    start: (sink) =>
      handle.start({
        rows: (rows) => {
          const kept = rows.filter(keep);
          if (kept.length > 0) sink.rows(kept);
        },
        end: (end) => sink.end(end),
      }),
    pause: () => handle.pause(),
    resume: () => handle.resume(),
    close: () => handle.close(),
    stats: () => handle.stats(),
  };
}

/** topic:tail: a live tail of a topic's raw records, served as a run (stop it with query:cancel). */
export function topicTailFeature(deps: TopicTailFeatureDeps): SocketFeature {
  return (socket) => {
    socket.on('topic:tail', (payload) => {
      const parsed = TopicTailRequestSchema.safeParse(payload);
      if (!parsed.success) {
        const runId = (payload as { runId?: unknown } | null)?.runId;
        if (typeof runId === 'string' && runId.length > 0 && runId.length <= 128)
          socket.emit('query:error', {
            runId,
            code: ErrorCodes.BAD_REQUEST,
            message: describeZodError(parsed.error),
            diagnostics: [],
          });
        return;
      }
      const request = parsed.data;
      if (deps.registry.isTaken(request.runId)) {
        socket.emit('query:error', {
          runId: request.runId,
          code: ErrorCodes.BAD_REQUEST,
          message: `A run with id ${request.runId} is already running.`,
          diagnostics: [],
        });
        return;
      }
      const tail = tailStatement(request);
      const open = async (): Promise<QueryHandle> => {
        const handle = await deps.engine.query(tail.sql, { properties: tail.properties });
        const keep = tail.keep;
        if (!keep) return handle;
        const names = handle.columns.map((c) => c.name);
        return filtered(handle, (row) => keep(row, names));
      };
      startSharedRun(deps, socket, request.runId, open, { finish: () => undefined }).catch((error: unknown) =>
        deps.logger.error('topic:tail failed', { error }),
      );
    });
  };
}
