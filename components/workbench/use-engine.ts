'use client';

import { useEffect, useState } from 'react';
import type { HealthSnapshot } from '../../lib/contracts/health';
import { HealthSnapshotSchema } from '../../lib/contracts/health';
import { connectEngine, type EngineSocket } from '../../lib/client/socket';
import { ENGINE_URL_STORAGE_KEY, resolveEngineUrl } from '../../lib/client/engine-url';

export interface EngineConnection {
  readonly url: string;
  readonly socket: EngineSocket | null;
  readonly connected: boolean;
  readonly health: HealthSnapshot | null;
}

/** Connects to the engine once per page and follows its health as the engine pushes it. */
export function useEngine(): EngineConnection {
  const [state, setState] = useState<EngineConnection>({
    url: '',
    socket: null,
    connected: false,
    health: null,
  });

  useEffect(() => {
    const url = resolveEngineUrl(
      window.location,
      window.localStorage.getItem(ENGINE_URL_STORAGE_KEY),
      process.env.NEXT_PUBLIC_KAPPA_ENGINE_URL,
    );
    const socket = connectEngine(url);
    setState({ url, socket, connected: false, health: null });
    socket.on('connect', () => setState((s) => ({ ...s, connected: true })));
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
