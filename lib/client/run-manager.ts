import {
  QueryEndEventSchema,
  QueryErrorEventSchema,
  QueryRowsEventSchema,
  QuerySchemaEventSchema,
  QueryStatusEventSchema,
  StatementResultEventSchema,
  type QueryRunRequest,
} from '../contracts/query';
import type { TopicTailRequest } from '../contracts/catalog';
import { ackSchema } from '../contracts/socket';
import { z } from 'zod';
import { ResultStore, type ResultMeta } from './result-store';
import type { EngineSocket } from './socket';

let counter = 0;

/** A run id unique in this browser and unguessable enough to share as a link. */
export function newRunId(prefix = 'run'): string {
  counter = (counter + 1) % 1_000_000;
  const random = Math.random().toString(36).slice(2, 10);
  return `${prefix}-${Date.now().toString(36)}-${counter.toString(36)}-${random}`;
}

const AttachAck = ackSchema(z.null());

/**
 * Routes the engine's query:* events to the result store of each run, validating every payload.
 * Row batches are acknowledged once stored, which is what lets the engine notice a slow browser.
 */
export class RunManager {
  private readonly stores = new Map<string, ResultStore>();
  private readonly detachListeners: () => void;
  /** Rows each new result keeps (the grid's ring buffer size). */
  private maxRows: number;

  constructor(
    private readonly socket: EngineSocket,
    private readonly options: { maxRows: number; now?: () => number },
  ) {
    this.maxRows = options.maxRows;
    const on = <T>(
      event: Parameters<EngineSocket['on']>[0],
      schema: z.ZodType<T>,
      apply: (store: ResultStore, e: T) => void,
    ) => {
      const listener = (payload: unknown, ack?: unknown): void => {
        const parsed = schema.safeParse(payload);
        if (parsed.success) {
          const store = this.stores.get((parsed.data as { runId: string }).runId);
          if (store) apply(store, parsed.data);
        }
        if (typeof ack === 'function') (ack as () => void)();
      };
      socket.on(event, listener as never);
      return () => socket.off(event, listener as never);
    };
    const offs = [
      on('query:schema', QuerySchemaEventSchema, (s, e) => s.onSchema(e)),
      on('query:rows', QueryRowsEventSchema, (s, e) => s.onRows(e)),
      on('query:status', QueryStatusEventSchema, (s, e) => s.onStatus(e)),
      on('query:end', QueryEndEventSchema, (s, e) => s.onEnd(e)),
      on('query:error', QueryErrorEventSchema, (s, e) => s.onError(e)),
      on('statement:result', StatementResultEventSchema, (s, e) => s.onStatement(e)),
    ];
    const onDisconnect = (): void => {
      for (const store of this.stores.values()) store.onDisconnect();
    };
    socket.on('disconnect', onDisconnect);
    this.detachListeners = () => {
      for (const off of offs) off();
      socket.off('disconnect', onDisconnect);
    };
  }

  private create(meta: Omit<ResultMeta, 'runId'>, runId: string): ResultStore {
    const store = new ResultStore({ ...meta, runId }, this.maxRows, this.options.now ?? Date.now);
    this.stores.set(runId, store);
    return store;
  }

  run(request: Omit<QueryRunRequest, 'runId'>, meta: Omit<ResultMeta, 'runId' | 'sql'>): ResultStore {
    const runId = newRunId();
    const store = this.create({ ...meta, sql: request.sql }, runId);
    if (!this.socket.connected) store.onDisconnect();
    else this.socket.emit('query:run', { ...request, runId });
    return store;
  }

  tail(request: Omit<TopicTailRequest, 'runId'>): ResultStore {
    const runId = newRunId('tail');
    const store = this.create({ sql: `PRINT '${request.topic}'`, index: 1, offset: 0 }, runId);
    this.socket.emit('topic:tail', { ...request, runId });
    return store;
  }

  /** Watches a run another browser started (a shared run id). */
  async attach(runId: string): Promise<ResultStore> {
    const store = this.create({ sql: '', index: 1, offset: 0 }, runId);
    const answer = AttachAck.safeParse(
      await this.socket
        .timeout(10_000)
        .emitWithAck('query:attach', { runId })
        .catch(() => null),
    );
    if (!answer.success || !answer.data.ok) {
      store.onError({
        runId,
        code: answer.success && !answer.data.ok ? answer.data.code : 50000,
        message: answer.success && !answer.data.ok ? answer.data.message : 'The engine did not answer.',
        diagnostics: [],
      });
    }
    return store;
  }

  cancel(runId: string): void {
    if (this.stores.get(runId)?.active) this.socket.emit('query:cancel', { runId });
  }

  pause(runId: string): void {
    this.socket.emit('query:pause', { runId });
  }

  resume(runId: string): void {
    this.socket.emit('query:resume', { runId });
  }

  /** Stops watching a run and forgets its rows (a result that is closed or replaced). */
  forget(runId: string): void {
    const store = this.stores.get(runId);
    if (store?.active) this.socket.emit('query:detach', { runId });
    this.stores.delete(runId);
  }

  get(runId: string): ResultStore | undefined {
    return this.stores.get(runId);
  }

  resizeAll(maxRows: number): void {
    if (maxRows === this.maxRows) return;
    this.maxRows = maxRows;
    for (const store of this.stores.values()) store.resize(maxRows);
  }

  dispose(): void {
    for (const runId of [...this.stores.keys()]) this.forget(runId);
    this.detachListeners();
  }
}
