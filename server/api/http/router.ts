import type { AnyRequest, AnyResponse } from './dual-server';

export interface RouteContext {
  readonly req: AnyRequest;
  readonly res: AnyResponse;
  readonly url: URL;
  readonly params: Readonly<Record<string, string>>;
  readonly requestId: string;
}

export type RouteHandler = (ctx: RouteContext) => Promise<void> | void;

export interface Route {
  readonly method: 'GET' | 'POST' | 'DELETE';
  /** Path with `{name}` segments, e.g. `/status/{type}/{entity}/{action}`. */
  readonly path: string;
  readonly handler: RouteHandler;
  /** Served while the engine is still starting (liveness/readiness probes). */
  readonly beforeReady?: boolean;
}

interface CompiledRoute extends Route {
  readonly segments: readonly string[];
}

/** A tiny exact-segment router: routes are few and fixed, so a list scan is the clearest design. */
export class Router {
  private readonly routes: CompiledRoute[] = [];

  add(route: Route): this {
    this.routes.push({ ...route, segments: split(route.path) });
    return this;
  }

  match(
    method: string,
    pathname: string,
  ): { route: Route; params: Record<string, string> } | 'method-not-allowed' | undefined {
    const parts = split(pathname);
    let pathMatched = false;
    for (const route of this.routes) {
      const params = matchSegments(route.segments, parts);
      if (!params) continue;
      pathMatched = true;
      if (route.method === method) return { route, params };
    }
    return pathMatched ? 'method-not-allowed' : undefined;
  }
}

function split(path: string): string[] {
  return path.split('/').filter((s) => s.length > 0);
}

function matchSegments(
  pattern: readonly string[],
  parts: readonly string[],
): Record<string, string> | undefined {
  if (pattern.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i] ?? '';
    const v = parts[i] ?? '';
    if (p.startsWith('{') && p.endsWith('}')) {
      try {
        params[p.slice(1, -1)] = decodeURIComponent(v);
      } catch {
        return undefined;
      }
    } else if (p !== v) return undefined;
  }
  return params;
}
