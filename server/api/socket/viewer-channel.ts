import { RingBuffer } from '../../../lib/client/ring-buffer';
import type { KappaSocket } from './socket-server';
import { rowKey, type WireRow } from './wire-rows';

export interface ViewerLimits {
  /** Rows held for one viewer while its batches are in flight; beyond this, rows are dropped. */
  readonly maxBufferedRows: number;
  /** Rows per `query:rows` batch. */
  readonly maxBatchRows: number;
  /** Longest a row waits for its batch to fill. */
  readonly flushIntervalMs: number;
  /** Batches sent but not yet acknowledged by the browser. */
  readonly maxInFlight: number;
  /** A batch never acknowledged counts as delivered after this long, so a lost ack cannot stall a viewer. */
  readonly ackTimeoutMs: number;
}

export const DEFAULT_VIEWER_LIMITS: ViewerLimits = {
  maxBufferedRows: 20_000,
  maxBatchRows: 1_000,
  flushIntervalMs: 50,
  maxInFlight: 4,
  ackTimeoutMs: 15_000,
};

/**
 * One browser watching one run. Rows wait in a bounded queue and go out in batches of at most
 * `maxBatchRows`, at least every `flushIntervalMs`, with at most `maxInFlight` unacknowledged
 * batches. A viewer that acknowledges slowly fills its queue; then the oldest rows are dropped
 * (for upsert results, superseded updates of the same key first) and counted in `dropped`, which
 * query:status reports. The engine's memory per viewer is therefore bounded whatever the browser does.
 */
export class ViewerChannel {
  private readonly queue: RingBuffer<WireRow>;
  private inFlight = 0;
  private inFlightRows = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;
  /** Set when compaction could not free enough room; plain dropping is used until the queue drains. */
  private compactionUseless = false;
  dropped = 0;
  sent = 0;

  constructor(
    readonly socket: KappaSocket,
    private readonly runId: string,
    private readonly upsertKeys: readonly number[] | null,
    private readonly limits: ViewerLimits,
    private readonly now: () => number = Date.now,
    /** Called when the browser acknowledged a batch (its backlog shrank). */
    private readonly onProgress: () => void = () => undefined,
  ) {
    this.queue = new RingBuffer(limits.maxBufferedRows);
  }

  /** Rows waiting here plus rows sent but not yet acknowledged: how far behind this viewer is. */
  get backlog(): number {
    return this.queue.size + this.inFlightRows;
  }

  get capacity(): number {
    return this.queue.capacity;
  }

  get buffered(): number {
    return this.queue.size;
  }

  push(rows: readonly WireRow[]): void {
    if (this.closed) return;
    for (const row of rows) {
      if (this.queue.size === this.queue.capacity) this.makeRoom();
      if (this.queue.push(row) !== undefined) this.dropped++;
    }
    if (this.queue.size >= this.limits.maxBatchRows) this.flush();
    else if (this.timer === undefined && this.queue.size > 0)
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.flush();
      }, this.limits.flushIntervalMs);
  }

  /** Sends what is queued, as far as the in-flight limit allows (`force`: everything, at the end). */
  flush(force = false): void {
    if (this.closed) return;
    while (this.queue.size > 0 && (force || this.inFlight < this.limits.maxInFlight)) {
      const batch = this.queue.shift(this.limits.maxBatchRows);
      this.send(batch);
    }
    if (this.queue.size < this.queue.capacity / 2) this.compactionUseless = false;
    if (this.queue.size > 0 && this.timer === undefined && this.inFlight < this.limits.maxInFlight)
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.flush();
      }, this.limits.flushIntervalMs);
  }

  close(): void {
    this.closed = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.queue.clear();
  }

  private send(batch: readonly WireRow[]): void {
    const tombstones: number[] = [];
    const rows = batch.map((row, i) => {
      if (row.tombstone) tombstones.push(i);
      return row.values as unknown[];
    });
    this.inFlight++;
    this.inFlightRows += batch.length;
    this.sent += batch.length;
    let settled = false;
    const release = (): void => {
      this.inFlight--;
      this.inFlightRows -= batch.length;
      if (this.queue.size > 0) this.flush();
      this.onProgress();
    };
    const settle = (timedOut: unknown): void => {
      if (settled) return;
      settled = true;
      if (timedOut && this.stalled()) {
        // Not a lost ack: the browser's connection is not reading. Another batch would only pile
        // up in its socket's buffer, in the engine's memory; the batch stays in flight until the
        // connection drains, and rows meanwhile drop from the bounded queue, counted.
        this.socket.conn.once('drain', release);
        return;
      }
      release();
    };
    this.socket
      .timeout(this.limits.ackTimeoutMs)
      .emit(
        'query:rows',
        { runId: this.runId, rows, ...(tombstones.length > 0 ? { tombstones } : {}), sentAt: this.now() },
        settle,
      );
  }

  /**
   * Whether the connection itself is stuck, not just an ack lost: engine.io's transport is still
   * waiting for the last thing it wrote to drain (a healthy one is writable again within ms).
   */
  private stalled(): boolean {
    return this.socket.conn?.transport?.writable === false;
  }

  /**
   * Upsert results: keeps only the newest queued update per key, which loses nothing the viewer
   * would still show. Each superseded update counts as dropped.
   */
  private makeRoom(): void {
    if (this.upsertKeys === null || this.upsertKeys.length === 0 || this.compactionUseless) return;
    const all = this.queue.toArray();
    const newest = new Map<string, number>();
    all.forEach((row, i) => newest.set(rowKey(row.values, this.upsertKeys ?? []), i));
    const kept = all.filter((row, i) => newest.get(rowKey(row.values, this.upsertKeys ?? [])) === i);
    this.dropped += all.length - kept.length;
    this.queue.replace(kept);
    if (kept.length > this.queue.capacity * 0.75) this.compactionUseless = true;
  }
}
