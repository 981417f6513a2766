import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../contracts/socket';

export type EngineSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** One typed socket.io connection to the engine (WebSocket only: no long-polling fallback). */
export function connectEngine(engineUrl: string, apiKey?: string): EngineSocket {
  return io(engineUrl, {
    transports: ['websocket'],
    // Browsers cannot set headers on a WebSocket: credentials travel in the handshake's auth.
    ...(apiKey ? { auth: { token: apiKey } } : {}),
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
  });
}
