'use client';

import { useEffect, useState } from 'react';
import type { HealthSnapshot } from '../../lib/contracts/health';
import { HealthSnapshotSchema } from '../../lib/contracts/health';
import { connectEngine, type EngineSocket } from '../../lib/client/socket';
import { API_KEY_STORAGE_KEY, ENGINE_URL_STORAGE_KEY, resolveEngineUrl } from '../../lib/client/engine-url';

export interface EngineConnection {
  readonly url: string;
  readonly socket: EngineSocket | null;
  readonly connected: boolean;
  readonly health: HealthSnapshot | null;
  /** Why the engine refused the connection (e.g. "Unauthorized (40100)"), until it accepts one. */
  readonly error: string | null;
}

/** Connects to the engine once per page and follows its health as the engine pushes it. */
export function useEngine(): EngineConnection {
  const [state, setState] = useState<EngineConnection>({
    url: '',
    socket: null,
    connected: false,
    health: null,
    error: null,
  });

  useEffect(() => {
    const url = resolveEngineUrl(
      window.location,
      window.localStorage.getItem(ENGINE_URL_STORAGE_KEY),
      process.env.NEXT_PUBLIC_KAPPA_ENGINE_URL,
    );
    const socket = connectEngine(url, window.localStorage.getItem(API_KEY_STORAGE_KEY) ?? undefined);
    setState({ url, socket, connected: false, health: null, error: null });
    socket.on('connect', () => setState((s) => ({ ...s, connected: true, error: null })));
    socket.on('connect_error', (error: Error & { data?: unknown }) => {
      // A refused handshake (credentials) is not retried by socket.io: say why, in plain words.
      const code = (error.data as { code?: unknown } | undefined)?.code;
      if (typeof code === 'number') setState((s) => ({ ...s, error: `${error.message} (${code})` }));
    });
    socket.on('disconnect', () => setState((s) => ({ ...s, connected: false })));
    socket.on('server:health', (payload) => {
      const parsed = HealthSnapshotSchema.safeParse(payload);
      if (parsed.success) setState((s) => ({ ...s, health: parsed.data }));
    });
    return () => {
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, []);

  return state;
}
