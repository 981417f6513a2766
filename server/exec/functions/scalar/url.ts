/**
 * URL functions with java.net.URI's parsing rules (RFC 3986 split; path, query and fragment are
 * returned percent-decoded, as URI's getters do).
 */
import type { ScalarSpec } from '../define';

const CAT = 'URL';

interface ParsedUrl {
  readonly scheme: string | null;
  readonly host: string | null;
  readonly port: number | null;
  readonly path: string | null;
  readonly rawQuery: string | null;
  readonly fragment: string | null;
}

const URI_PATTERN = /^(?:([A-Za-z][A-Za-z0-9+.-]*):)?(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/;
const ILLEGAL = /[\s"<>\\^`{|}]/;
const cache = new Map<string, ParsedUrl>();

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function parseUrl(url: string): ParsedUrl {
  const hit = cache.get(url);
  if (hit) return hit;
  const m = URI_PATTERN.exec(url);
  if (!m || ILLEGAL.test(url)) throw new Error(`URL input has invalid syntax: ${url}`);
  let host: string | null = null;
  let port: number | null = null;
  if (m[2] !== undefined) {
    const hostPort = m[2].slice(m[2].lastIndexOf('@') + 1);
    const hp = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(hostPort);
    if (!hp) throw new Error(`URL input has invalid syntax: ${url}`);
    host = hp[1] === '' ? null : hp[1]!;
    port = hp[2] ? Number(hp[2]) : null;
  }
  const parsed: ParsedUrl = {
    scheme: m[1] ?? null,
    host,
    port,
    path: m[3] === undefined ? null : decode(m[3]),
    rawQuery: m[4] ?? null,
    fragment: m[5] === undefined ? null : decode(m[5]),
  };
  if (cache.size > 1000) cache.clear();
  cache.set(url, parsed);
  return parsed;
}

function parameter(url: string, name: string): string | null {
  const q = parseUrl(url).rawQuery;
  if (q === null) return null;
  for (const pair of q.split('&')) {
    const eq = pair.indexOf('=');
    const k = decode(eq < 0 ? pair : pair.slice(0, eq));
    if (k === name) return eq < 0 ? '' : decode(pair.slice(eq + 1));
  }
  return null;
}

/** java.net.URLEncoder with UTF-8: unreserved `A-Za-z0-9.-*_` kept, space as `+`. */
function encodeParam(s: string): string {
  return encodeURIComponent(s)
    .replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+')
    .replace(/%2A/g, '*');
}

function decodeParam(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    throw new Error(`URL input has invalid syntax: ${s}`);
  }
}

const getter = (
  name: string,
  description: string,
  f: (u: ParsedUrl) => unknown,
  returns = 'STRING',
): ScalarSpec => ({
  name,
  category: CAT,
  description,
  variants: [{ params: ['url STRING'], returns, impl: (u: string) => f(parseUrl(u)) }],
});

export const URL_FUNCTIONS: readonly ScalarSpec[] = [
  getter('URL_EXTRACT_HOST', 'The host of a URL.', (u) => u.host),
  getter('URL_EXTRACT_PATH', 'The decoded path of a URL.', (u) => u.path),
  getter('URL_EXTRACT_PROTOCOL', 'The protocol (scheme) of a URL.', (u) => u.scheme),
  getter('URL_EXTRACT_PORT', 'The port of a URL; NULL if it has none.', (u) => u.port, 'INT'),
  getter('URL_EXTRACT_QUERY', 'The decoded query string of a URL.', (u) =>
    u.rawQuery === null ? null : decode(u.rawQuery),
  ),
  getter('URL_EXTRACT_FRAGMENT', 'The decoded fragment of a URL.', (u) => u.fragment),
  {
    name: 'URL_EXTRACT_PARAMETER',
    category: CAT,
    description: 'The decoded value of the first query parameter with the given name; NULL if absent.',
    variants: [{ params: ['url STRING', 'parameterName STRING'], returns: 'STRING', impl: parameter }],
  },
  {
    name: 'URL_ENCODE_PARAM',
    category: CAT,
    description: 'Encodes a value for use in a URL query (application/x-www-form-urlencoded).',
    variants: [{ params: ['input STRING'], returns: 'STRING', impl: encodeParam }],
  },
  {
    name: 'URL_DECODE_PARAM',
    category: CAT,
    description: 'Decodes an application/x-www-form-urlencoded value.',
    variants: [{ params: ['input STRING'], returns: 'STRING', impl: decodeParam }],
  },
];
