/**
 * Where the workbench finds the engine: a URL saved in settings (localStorage), else the build-time
 * NEXT_PUBLIC_KAPPA_ENGINE_URL, else port 8088 on the host that served the page.
 */
export const ENGINE_URL_STORAGE_KEY = 'kappa.engineUrl';

/** An API key for an engine that requires one (sent in the socket.io handshake as `auth.token`). */
export const API_KEY_STORAGE_KEY = 'kappa.apiKey';

export function resolveEngineUrl(
  location: { protocol: string; hostname: string },
  stored: string | null,
  buildTime: string | undefined,
): string {
  for (const candidate of [stored, buildTime]) {
    if (candidate && isHttpUrl(candidate)) return candidate.replace(/\/+$/, '');
  }
  return `${location.protocol}//${location.hostname}:8088`;
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
