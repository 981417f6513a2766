import { ErrorCodes } from '../../../lib/contracts/errors';
import { KappaError } from '../../errors/kappa-error';
import type { CredentialVerifier } from '../auth/credentials';
import type { AnyRequest, AnyResponse } from './dual-server';
import { originPolicy } from './origin';
import { sendError } from './respond';

/** Runs before routing; returns false when it has answered the request itself. */
export type RequestGuard = (req: AnyRequest, res: AnyResponse, url: URL) => boolean;

export interface GuardOptions {
  /** Origins allowed to call REST from a browser; `*` allows any. */
  readonly corsOrigins: readonly string[];
  readonly verifier: CredentialVerifier;
  /** Paths served without credentials (liveness and readiness probes). */
  readonly publicPaths?: readonly string[];
}

const ALLOWED_HEADERS = 'authorization, content-type, accept, x-api-key';

/**
 * CORS and authentication for REST. Browsers get CORS headers only for allow-listed origins; a
 * request from any other origin is refused with 403 / 40300, preflight or not (see origin.ts);
 * every other request must carry valid credentials when any are configured (401 / 40100).
 */
export function createRequestGuard(options: GuardOptions): RequestGuard {
  const publicPaths = new Set(options.publicPaths ?? ['/chc/live', '/chc/ready']);
  const policy = originPolicy(options.corsOrigins);
  return (req, res, url) => {
    const origin = headerValue(req, 'origin');
    const verdict = policy(origin);
    const originOk = verdict === 'allowed';
    if (origin !== undefined) res.setHeader('vary', 'Origin');
    if (originOk && origin !== undefined) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('access-control-allow-credentials', 'true');
    }
    if (verdict === 'refused' || (req.method === 'OPTIONS' && !originOk)) {
      sendError(res, new KappaError(ErrorCodes.FORBIDDEN, 'Origin not allowed'));
      return false;
    }
    if (req.method === 'OPTIONS') {
      res.statusCode = 204;
      res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
      res.setHeader('access-control-allow-headers', ALLOWED_HEADERS);
      res.setHeader('access-control-max-age', '600');
      res.end();
      return false;
    }
    if (publicPaths.has(url.pathname) || isAuthorized(options.verifier, req)) return true;
    sendError(res, new KappaError(ErrorCodes.UNAUTHORIZED, 'Unauthorized'));
    return false;
  };
}

export function isAuthorized(verifier: CredentialVerifier, req: { headers: AnyRequest['headers'] }): boolean {
  return verifier.verify({
    authorization: headerValue(req, 'authorization'),
    apiKey: headerValue(req, 'x-api-key'),
  });
}

function headerValue(req: { headers: AnyRequest['headers'] }, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}
