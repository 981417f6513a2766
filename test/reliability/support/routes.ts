/** Every REST route of server/api/README.md, with a request that is valid apart from credentials. */
export interface RouteProbe {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body?: unknown;
  /** Served without credentials (liveness and readiness probes). */
  readonly public?: boolean;
}

export function routeProbes(source: string): RouteProbe[] {
  return [
    { method: 'GET', path: '/' },
    { method: 'GET', path: '/info' },
    { method: 'GET', path: '/healthcheck' },
    { method: 'GET', path: '/chc/live', public: true },
    { method: 'GET', path: '/chc/ready', public: true },
    { method: 'GET', path: '/status' },
    { method: 'GET', path: `/status/stream/${source}/create` },
    { method: 'GET', path: '/is_valid_property/auto.offset.reset' },
    { method: 'GET', path: '/v1/metadata' },
    { method: 'GET', path: '/v1/metadata/id' },
    { method: 'GET', path: '/no/such/route' },
    { method: 'POST', path: '/ksql', body: { ksql: 'SHOW STREAMS;' } },
    { method: 'POST', path: '/query', body: { ksql: `SELECT * FROM ${source};` } },
    { method: 'POST', path: '/query-stream', body: { sql: `SELECT * FROM ${source};` } },
    { method: 'POST', path: '/close-query', body: { queryId: 'nope' } },
    { method: 'POST', path: '/inserts-stream', body: { target: source } },
  ];
}
