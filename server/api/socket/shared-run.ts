import type { QuerySchemaEvent, QueryStatusEvent } from '../../../lib/contracts/query';
import { RingBuffer } from '../../../lib/client/ring-buffer';
import type { QueryEnd, QueryHandle, ResultRow } from '../../engine/queries/query-handle';
import type { KappaSocket } from './socket-server';
import { ViewerChannel, type ViewerLimits } from './viewer-channel';
import { wireConverter, type WireRow } from './wire-rows';

export interface RunOutcome {
  readonly end: QueryEnd;
  readonly rowsTotal: number;
}

export interface SharedRunOptions {
  readonly limits: ViewerLimits;
  /** Rows kept to bring a viewer that attaches later up to date. */
  readonly replayRows: number;
  readonly statusIntervalMs: number;
  readonly now: () => number;
  readonly onFinished: (run: SharedRun, outcome: RunOutcome) => void;
}

/**
 * One running query, watched by one or more browsers (the socket that started it and any that
 * attached with its run id). The engine serves it with a single subscription; rows are converted
 * to wire form once and fanned out to each viewer's bounded channel.
 */
export class SharedRun {
  private readonly viewers = new Map<string, ViewerChannel>();
  private readonly replay: RingBuffer<WireRow>;
  private readonly convert: (rows: readonly ResultRow[]) => WireRow[];
  private readonly startedAt: number;
  private statusTimer: ReturnType<typeof setInterval> | undefined;
  private state: QueryStatusEvent['state'] = 'running';
  /** The engine query is paused because no viewer can take more rows (not the user's pause). */
  private throttled = false;
  private rowsTotal = 0;
  private lastRate = { at: 0, rows: 0, perSecond: 0 };

  constructor(
    readonly runId: string,
    readonly handle: QueryHandle,
    readonly schema: QuerySchemaEvent,
    private readonly options: SharedRunOptions,
  ) {
    this.replay = new RingBuffer(Math.max(1, options.replayRows));
    this.convert = wireConverter(handle);
    this.startedAt = options.now();
    this.lastRate = { at: this.startedAt, rows: 0, perSecond: 0 };
  }

  get viewerCount(): number {
    return this.viewers.size;
  }

  get ended(): boolean {
    return this.state === 'ended';
  }

  hasViewer(socketId: string): boolean {
    return this.viewers.has(socketId);
  }

  /** Adds a viewer: it gets the schema, the recent rows, then live rows and status. */
  attach(socket: KappaSocket): void {
    if (this.viewers.has(socket.id) || this.ended) return;
    const keys = this.schema.mode === 'upsert' ? this.schema.keyIndexes : null;
    const viewer = new ViewerChannel(socket, this.runId, keys, this.options.limits, this.options.now, () =>
      this.releaseIfDrained(),
    );
    this.viewers.set(socket.id, viewer);
    socket.emit('query:schema', this.schema);
    if (this.replay.size > 0) viewer.push(this.replay.toArray());
    this.emitStatus(viewer);
  }

  /** Removes a viewer; the query ends when nobody watches it any more. */
  detach(socketId: string): void {
    const viewer = this.viewers.get(socketId);
    if (!viewer) return;
    viewer.close();
    this.viewers.delete(socketId);
    if (this.viewers.size === 0 && !this.ended) void this.handle.close();
    else this.releaseIfDrained();
  }

  start(): void {
    this.statusTimer = setInterval(() => this.broadcastStatus(), this.options.statusIntervalMs);
    this.handle.start({
      rows: (rows) => this.onRows(rows),
      end: (end) => this.onEnd(end),
    });
  }

  pause(): void {
    if (this.state !== 'running') return;
    this.handle.pause();
    this.state = 'paused';
    this.broadcastStatus();
  }

  resume(): void {
    if (this.state !== 'paused') return;
    if (!this.throttled) this.handle.resume();
    this.state = 'running';
    this.broadcastStatus();
  }

  cancel(): Promise<void> {
    return this.handle.close();
  }

  private onRows(rows: readonly ResultRow[]): void {
    if (this.ended || rows.length === 0) return;
    const wire = this.convert(rows);
    this.rowsTotal += wire.length;
    for (const row of wire) this.replay.push(row);
    for (const viewer of this.viewers.values()) viewer.push(wire);
    this.throttleIfAllBehind();
  }

  /**
   * Backpressure before dropping: when every viewer is a quarter full, the engine query is paused (it
   * keeps its position, and the lag shows in query:status), so a lone slow browser reading history
   * loses nothing. One slow viewer among faster ones does not hold the others back: its rows are
   * dropped and counted instead.
   */
  private throttleIfAllBehind(): void {
    if (this.throttled || this.viewers.size === 0) return;
    for (const viewer of this.viewers.values()) if (viewer.backlog < viewer.capacity / 4) return;
    this.throttled = true;
    if (this.state === 'running') this.handle.pause();
  }

  private releaseIfDrained(): void {
    if (!this.throttled || this.ended) return;
    const someoneReady = [...this.viewers.values()].some((v) => v.backlog <= v.capacity / 8);
    if (!someoneReady && this.viewers.size > 0) return;
    this.throttled = false;
    if (this.state === 'running') this.handle.resume();
  }

  private onEnd(end: QueryEnd): void {
    if (this.ended) return;
    if (this.statusTimer !== undefined) clearInterval(this.statusTimer);
    for (const viewer of this.viewers.values()) viewer.flush(true);
    this.state = 'ended';
    for (const viewer of this.viewers.values()) {
      this.emitStatus(viewer);
      if (end.reason === 'error') {
        viewer.socket.emit('query:error', {
          runId: this.runId,
          code: end.error?.code ?? 50000,
          message: end.error?.message ?? 'The query failed.',
          diagnostics: [],
        });
      } else {
        viewer.socket.emit('query:end', {
          runId: this.runId,
          reason: end.reason,
          ...(end.error ? { message: end.error.message } : {}),
        });
      }
      viewer.close();
    }
    this.viewers.clear();
    this.replay.clear();
    this.options.onFinished(this, { end, rowsTotal: this.rowsTotal });
  }

  private broadcastStatus(): void {
    const now = this.options.now();
    const elapsed = now - this.lastRate.at;
    if (elapsed >= 250) {
      const perSecond = ((this.rowsTotal - this.lastRate.rows) * 1000) / elapsed;
      this.lastRate = { at: now, rows: this.rowsTotal, perSecond };
    }
    for (const viewer of this.viewers.values()) this.emitStatus(viewer);
  }

  private emitStatus(viewer: ViewerChannel): void {
    const stats = this.handle.stats();
    viewer.socket.emit('query:status', {
      runId: this.runId,
      state: this.state,
      rowsTotal: this.rowsTotal,
      rowsPerSecond: this.state === 'running' ? Math.round(this.lastRate.perSecond * 10) / 10 : 0,
      droppedForViewer: viewer.dropped,
      lagRecords: stats.lagRecords,
      elapsedMs: Math.max(0, Math.round(this.options.now() - this.startedAt)),
      viewers: this.viewers.size,
    });
  }
}
