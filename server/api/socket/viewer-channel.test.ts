import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { KappaSocket } from './socket-server';
import { ViewerChannel } from './viewer-channel';

/** A socket whose acks the test answers, over a connection whose transport may be stuck. */
function stubSocket() {
  const conn = Object.assign(new EventEmitter(), { transport: { writable: true } });
  const acks: ((error: unknown) => void)[] = [];
  const socket = {
    conn,
    timeout: () => ({
      emit: (_event: string, _payload: unknown, ack: (error: unknown) => void) => acks.push(ack),
    }),
  } as unknown as KappaSocket;
  return { socket, conn, acks };
}

const limits = { maxBufferedRows: 10, maxBatchRows: 2, flushIntervalMs: 1, maxInFlight: 2, ackTimeoutMs: 10 };
const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ values: [i], tombstone: false }));

describe('ViewerChannel', () => {
  it('sends no more to a viewer whose connection is stuck, until it drains', () => {
    const { socket, conn, acks } = stubSocket();
    const channel = new ViewerChannel(socket, 'r', null, limits);
    channel.push(rows(8));
    expect(acks).toHaveLength(2); // the in-flight limit
    conn.transport.writable = false;
    for (const ack of acks.splice(0)) ack(new Error('operation has timed out'));
    expect(acks).toHaveLength(0); // still in flight: nothing more is written into a stuck socket
    channel.push(rows(20));
    expect(channel.dropped).toBeGreaterThan(0); // the bounded queue drops, and counts
    conn.transport.writable = true;
    conn.emit('drain');
    expect(acks).toHaveLength(2);
    channel.close();
  });

  it('counts a lost ack on a healthy connection as delivered', () => {
    const { socket, acks } = stubSocket();
    const channel = new ViewerChannel(socket, 'r', null, limits);
    channel.push(rows(6));
    expect(acks).toHaveLength(2);
    acks.shift()!(new Error('operation has timed out'));
    expect(acks).toHaveLength(2); // the next batch went out
    channel.close();
  });
});
