/**
 * A workbench viewer over socket.io (the protocol of lib/contracts/socket.ts): counts the rows it
 * receives, acknowledges each batch as the browser does, and, when the query selects ROWTIME as
 * RT, records now − RT per row (event-to-client latency).
 */
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../lib/contracts/socket';
import { SampleBuffer } from '../stats/stats';

export class Viewer {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  rows = 0;
  firstAt = 0;
  lastAt = 0;
  ended = false;
  error: string | undefined;
  readonly latency = new SampleBuffer();
  private rtIndex = -1;
  recordLatency = false;
  private schemaSeen: (() => void) | undefined;

  constructor(url: string) {
    this.socket = io(url, { transports: ['websocket'], reconnection: false });
    this.socket.on('query:schema', (e) => {
      this.rtIndex = e.columns.findIndex((c) => c.name.toUpperCase() === 'RT');
      this.schemaSeen?.();
    });
    this.socket.on('query:rows', (e, ack) => {
      const now = Date.now();
      if (this.rows === 0) this.firstAt = now;
      this.rows += e.rows.length;
      this.lastAt = now;
      if (this.recordLatency && this.rtIndex >= 0) {
        for (const row of e.rows) this.latency.add(now - Number(row[this.rtIndex]));
      }
      ack();
    });
    this.socket.on('query:end', () => void (this.ended = true));
    this.socket.on('query:error', (e) => void (this.error = e.message));
  }

  connected(): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.socket.connected) return resolve();
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', (e) => reject(e));
    });
  }

  /** Starts a run and resolves once its schema arrived. */
  run(runId: string, sql: string, properties: Record<string, string>): Promise<void> {
    const seen = new Promise<void>((resolve) => (this.schemaSeen = resolve));
    this.socket.emit('query:run', { runId, sql, properties, variables: {} });
    return seen;
  }

  attach(runId: string): Promise<void> {
    return new Promise((resolve, reject) =>
      this.socket.emit('query:attach', { runId }, (r) => (r.ok ? resolve() : reject(new Error(r.message)))),
    );
  }

  close(): void {
    this.socket.close();
  }
}
