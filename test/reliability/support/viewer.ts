/**
 * A workbench stand-in for the reliability suite: a typed socket.io client that records the
 * engine's health events and counts the rows, statuses and errors of its runs. It acknowledges
 * row batches as the browser does, unless told to stall.
 */
import { io, type Socket } from 'socket.io-client';
import type { HealthSnapshot } from '../../../lib/contracts/health';
import type { QueryErrorEvent, QueryStatusEvent } from '../../../lib/contracts/query';
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '../../../lib/contracts/socket';

export type ViewerSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface Viewer {
  readonly socket: ViewerSocket;
  readonly health: { readonly at: number; readonly snapshot: HealthSnapshot }[];
  readonly rows: Map<string, unknown[][]>;
  readonly statuses: Map<string, QueryStatusEvent>;
  readonly errors: QueryErrorEvent[];
  /** Milliseconds between a batch's `sentAt` and its arrival, one entry per batch. */
  readonly latencies: number[];
  run(runId: string, sql: string, properties?: Record<string, string>): void;
  attach(runId: string): Promise<Ack<null>>;
  /** Stops acknowledging row batches (a browser tab that froze). */
  stall(): void;
  close(): void;
}

export interface ViewerOptions {
  readonly headers?: Record<string, string>;
  readonly auth?: Record<string, string>;
  /** Keep only counts of rows, not the rows (load tests). */
  readonly countOnly?: boolean;
}

export function connectViewer(url: string, options: ViewerOptions = {}): Viewer {
  const socket: ViewerSocket = io(url, {
    transports: ['websocket'],
    reconnectionDelay: 200,
    reconnectionDelayMax: 2000,
    forceNew: true,
    ...(options.headers ? { extraHeaders: options.headers } : {}),
    ...(options.auth ? { auth: options.auth } : {}),
  });
  const health: { at: number; snapshot: HealthSnapshot }[] = [];
  const rows = new Map<string, unknown[][]>();
  const statuses = new Map<string, QueryStatusEvent>();
  const errors: QueryErrorEvent[] = [];
  const latencies: number[] = [];
  let stalled = false;
  socket.on('server:health', (snapshot) => health.push({ at: Date.now(), snapshot }));
  socket.on('query:rows', (event, ack) => {
    latencies.push(Date.now() - event.sentAt);
    const list = rows.get(event.runId) ?? [];
    if (options.countOnly) list.length += event.rows.length;
    else list.push(...event.rows);
    rows.set(event.runId, list);
    if (!stalled && typeof ack === 'function') ack();
  });
  socket.on('query:status', (event) => statuses.set(event.runId, event));
  socket.on('query:error', (event) => errors.push(event));
  return {
    socket,
    health,
    rows,
    statuses,
    errors,
    latencies,
    run: (runId, sql, properties = {}) => socket.emit('query:run', { runId, sql, properties, variables: {} }),
    attach: (runId) =>
      new Promise((resolve) => socket.emit('query:attach', { runId }, (answer) => resolve(answer))),
    stall: () => {
      stalled = true;
    },
    close: () => {
      socket.disconnect();
    },
  };
}

/** Resolves once the socket is connected, or rejects with the connection error. */
export function connected(viewer: Viewer, timeoutMs = 10_000): Promise<void> {
  if (viewer.socket.connected) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('socket.io did not connect')), timeoutMs);
    viewer.socket.once('connect', () => {
      clearTimeout(timer);
      resolve();
    });
    viewer.socket.once('connect_error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}
