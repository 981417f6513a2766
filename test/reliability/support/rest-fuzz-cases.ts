/**
 * Fuzzed requests for every REST route (server/api/README.md's table): bodies built by
 * fuzz-values.ts for the POST routes, hostile path parameters for the GET routes. `known` is
 * false for requests that cannot reach a route (a parameter that is not valid percent-encoding):
 * those answer ksqlDB's plain `404 Not Found`, by design.
 */
import type { RawRequest } from './raw-http';
import {
  deepJsonText,
  hugeSql,
  invalidUtf8Json,
  mutateObject,
  pick,
  randomBytes,
  randomSql,
  type Rnd,
} from './fuzz-values';

export interface FuzzCase {
  readonly label: string;
  readonly request: RawRequest;
  readonly known: boolean;
}

interface PostRoute {
  readonly path: string;
  /** The field that carries SQL (or the target), and a well-formed body to mutate. */
  readonly sqlField: string;
  readonly base: (sql: string) => Record<string, unknown>;
}

const POST_ROUTES: readonly PostRoute[] = [
  { path: '/ksql', sqlField: 'ksql', base: (sql) => ({ ksql: sql, streamsProperties: {} }) },
  { path: '/query', sqlField: 'ksql', base: (sql) => ({ ksql: sql, streamsProperties: {} }) },
  { path: '/query-stream', sqlField: 'sql', base: (sql) => ({ sql, properties: {} }) },
  { path: '/close-query', sqlField: 'queryId', base: (sql) => ({ queryId: sql }) },
  { path: '/inserts-stream', sqlField: 'target', base: (sql) => ({ target: sql, properties: {} }) },
];

const GET_ROUTES = [
  '/info',
  '/healthcheck',
  '/status',
  '/v1/metadata',
  '/v1/metadata/id',
  '/status/{}/{}/{}',
  '/is_valid_property/{}',
];

const ACCEPTS = [
  'application/json',
  'application/vnd.ksql.v1+json',
  'application/vnd.ksqlapi.delimited.v1',
  'text/html',
  '*/*',
  'application/json;q=0, */*;q=0.1',
  'application/\u00e9; q=abc',
];

function hostileSegment(rnd: Rnd): string {
  switch (Math.floor(rnd() * 7)) {
    case 0:
      return encodeURIComponent('x'.repeat(8_000));
    case 1:
      return '%ff%fe%00';
    case 2:
      return '%zz';
    case 3:
      return encodeURIComponent("stream/`X`/create'; DROP STREAM x;");
    case 4:
      return '..';
    case 5:
      return encodeURIComponent('\u{1F600}\u0000\r\n');
    default:
      return encodeURIComponent(randomSql(rnd, 'S'));
  }
}

/**
 * Whether the router can match `path` against `template` as the server sees it: after URL
 * normalization (dot segments) and with every segment valid percent-encoded UTF-8.
 */
function routable(template: string, path: string): boolean {
  const parts = new URL(path, 'http://localhost').pathname.split('/').filter((p) => p.length > 0);
  if (parts.length !== template.split('/').filter((p) => p.length > 0).length) return false;
  try {
    parts.forEach((p) => decodeURIComponent(p));
    return true;
  } catch {
    return false;
  }
}

function postBody(rnd: Rnd, route: PostRoute, source: string): { label: string; body: Buffer } {
  const json = (value: unknown): Buffer => Buffer.from(JSON.stringify(value));
  const inserts = (first: unknown): Buffer =>
    Buffer.from(`${JSON.stringify(first)}\n${JSON.stringify(mutateObject(rnd, { ID: 'a', V: 1 }))}\n`);
  const wrap = (value: unknown): Buffer => (route.path === '/inserts-stream' ? inserts(value) : json(value));
  switch (Math.floor(rnd() * 8)) {
    case 0:
      return { label: 'random bytes', body: randomBytes(rnd) };
    case 1:
      return { label: 'invalid UTF-8', body: invalidUtf8Json(rnd, route.sqlField, 'SELECT * FROM ') };
    case 2:
      return { label: 'huge literal', body: wrap(route.base(hugeSql(rnd, source))) };
    case 3:
      return { label: 'deep JSON', body: Buffer.from(deepJsonText(50_000, route.sqlField)) };
    case 4:
      return { label: 'wrong types', body: wrap(mutateObject(rnd, route.base(`SELECT * FROM ${source};`))) };
    case 5:
      return {
        label: 'properties',
        body: wrap({
          ...route.base(`SELECT * FROM ${source};`),
          properties: { [pick(rnd, ['ksql.service.id', 'bootstrap.servers', 'x'.repeat(10_000), ''])]: 'x' },
          streamsProperties: { 'auto.offset.reset': pick(rnd, ['sideways', '', 'earliest']) },
          commandSequenceNumber: pick(rnd, [-1, 1e300, 'x', 2 ** 53 + 1]),
        }),
      };
    default:
      return { label: 'fuzzed SQL', body: wrap(route.base(randomSql(rnd, source))) };
  }
}

/** `count` requests spread over every route, deterministic for the generator. */
export function restFuzzCases(rnd: Rnd, count: number, source: string): FuzzCase[] {
  const cases: FuzzCase[] = [];
  for (let i = 0; i < count; i++) {
    const accept = pick(rnd, ACCEPTS);
    if (rnd() < 0.2) {
      const template = pick(rnd, GET_ROUTES);
      const path = template.replace(/\{\}/g, () => hostileSegment(rnd));
      cases.push({
        label: `GET ${template}`,
        request: { method: 'GET', path, headers: { accept }, body: Buffer.alloc(0) },
        known: routable(template, path),
      });
      continue;
    }
    const route = pick(rnd, POST_ROUTES);
    const { label, body } = postBody(rnd, route, source);
    const contentType = pick(rnd, ['application/json', 'application/vnd.ksql.v1+json', 'text/plain', '']);
    cases.push({
      label: `POST ${route.path} ${label}`,
      request: {
        method: 'POST',
        path: route.path,
        headers: { accept, ...(contentType ? { 'content-type': contentType } : {}) },
        body,
      },
      known: true,
    });
  }
  return cases;
}
