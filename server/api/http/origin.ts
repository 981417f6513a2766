/**
 * The browser-origin allow-list (KAPPA_CORS_ORIGINS; `*` allows any). Clients that are not
 * browsers (the CLI, ksqlDB clients, curl) send no Origin header and are not concerned. Browsers
 * send one on every cross-site request, including the "simple" POSTs and the WebSocket handshakes
 * that CORS never asks the server about: a page from an origin outside the list is refused
 * outright, so it cannot make a visitor's browser run statements on the engine (CSRF) or open the
 * workbench socket (cross-site WebSocket hijacking), with or without credentials configured.
 */
export type OriginVerdict = 'no-origin' | 'allowed' | 'refused';

export type OriginPolicy = (origin: string | string[] | undefined) => OriginVerdict;

export function originPolicy(corsOrigins: readonly string[]): OriginPolicy {
  const allowAll = corsOrigins.includes('*');
  const allowed = new Set(corsOrigins);
  return (header) => {
    const origin = Array.isArray(header) ? header[0] : header;
    if (origin === undefined) return 'no-origin';
    return allowAll || allowed.has(origin) ? 'allowed' : 'refused';
  };
}
