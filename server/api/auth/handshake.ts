import { z } from 'zod';
import type { CredentialVerifier } from './credentials';

/** What socket.io's `socket.handshake` offers (structurally; no socket.io import needed here). */
export interface HandshakeLike {
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The client's `io(url, { auth: { token } })`: browsers cannot set headers on a WebSocket. */
  readonly auth?: unknown;
}

const AuthSchema = z.looseObject({ token: z.string().optional(), apiKey: z.string().optional() });

/**
 * For the socket.io layer's `io.use` middleware: the same users and API keys as REST. Accepts an
 * Authorization header (Basic or Bearer), an X-API-Key header, or `auth.token` / `auth.apiKey`.
 */
export function verifyHandshake(verifier: CredentialVerifier, handshake: HandshakeLike): boolean {
  if (!verifier.enabled) return true;
  const header = (name: string): string | undefined => {
    const v = handshake.headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const auth = AuthSchema.safeParse(handshake.auth ?? {});
  const key = auth.success ? (auth.data.token ?? auth.data.apiKey) : undefined;
  return (
    verifier.verify({ authorization: header('authorization'), apiKey: header('x-api-key') }) ||
    (key !== undefined && verifier.verify({ apiKey: key }))
  );
}
