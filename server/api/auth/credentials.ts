import { createHash, timingSafeEqual } from 'node:crypto';

export interface CredentialsConfig {
  readonly basicAuth: readonly { readonly user: string; readonly password: string }[];
  readonly apiKeys: readonly string[];
}

/** What a request or a socket.io handshake presents. */
export interface PresentedCredentials {
  /** The `Authorization` header: `Basic base64(user:password)` or `Bearer <api key>`. */
  readonly authorization?: string | undefined;
  /** An API key from an `X-API-Key` header or the socket.io handshake's `auth.token`. */
  readonly apiKey?: string | undefined;
}

export interface CredentialVerifier {
  /** False when no credentials are configured: everything is allowed. */
  readonly enabled: boolean;
  verify(presented: PresentedCredentials): boolean;
}

/**
 * Checks REST requests and socket.io handshakes against the configured users and API keys. Secrets
 * are compared as SHA-256 digests with `timingSafeEqual`, so neither their content nor their length
 * leaks through timing.
 */
export function createCredentialVerifier(config: CredentialsConfig): CredentialVerifier {
  const users = config.basicAuth.map((u) => ({ user: digest(u.user), password: digest(u.password) }));
  const keys = config.apiKeys.map(digest);
  const enabled = users.length > 0 || keys.length > 0;
  const keyMatches = (key: string): boolean => {
    const d = digest(key);
    let ok = false;
    for (const k of keys) ok = timingSafeEqual(k, d) || ok; // no early exit
    return ok;
  };
  const basicMatches = (encoded: string): boolean => {
    const text = Buffer.from(encoded, 'base64').toString('utf8');
    const colon = text.indexOf(':');
    if (colon < 0) return false;
    const user = digest(text.slice(0, colon));
    const password = digest(text.slice(colon + 1));
    let ok = false;
    for (const u of users)
      ok = (timingSafeEqual(u.user, user) && timingSafeEqual(u.password, password)) || ok;
    return ok;
  };
  return {
    enabled,
    verify(presented) {
      if (!enabled) return true;
      if (presented.apiKey !== undefined && presented.apiKey.length > 0 && keyMatches(presented.apiKey)) {
        return true;
      }
      const auth = presented.authorization?.trim() ?? '';
      const space = auth.indexOf(' ');
      if (space < 0) return false;
      const scheme = auth.slice(0, space).toLowerCase();
      const value = auth.slice(space + 1).trim();
      if (scheme === 'basic') return basicMatches(value);
      if (scheme === 'bearer') return keyMatches(value);
      return false;
    },
  };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
