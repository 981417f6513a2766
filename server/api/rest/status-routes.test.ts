import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeEngine } from './test-support/fake-engine';
import { h2Request } from './test-support/h2-client';
import { startRestServer, type RestServer } from './test-support/harness';

let server: RestServer;
beforeAll(async () => {
  server = await startRestServer(new FakeEngine());
});
afterAll(async () => server.close());

async function get(protocol: 'http1' | 'http2', path: string): Promise<{ status: number; body: unknown }> {
  if (protocol === 'http2') {
    const r = await h2Request(server.url, path);
    return { status: r.status, body: JSON.parse(r.body) as unknown };
  }
  const r = await fetch(server.url + path);
  return { status: r.status, body: (await r.json()) as unknown };
}

describe.each(['http1', 'http2'] as const)('introspection over %s', (protocol) => {
  it('GET /status lists command statuses', async () => {
    expect(await get(protocol, '/status')).toEqual({
      status: 200,
      body: { commandStatuses: { 'stream/`S`/create': 'SUCCESS' } },
    });
  });

  it('GET /status/{type}/{entity}/{action} finds a command with or without back-quotes', async () => {
    for (const path of [
      '/status/stream/S/create',
      '/status/stream/%60S%60/create',
      '/status/stream/s/create',
    ]) {
      expect(await get(protocol, path), path).toEqual({
        status: 200,
        body: { status: 'SUCCESS', message: 'Stream created', queryId: null },
      });
    }
    expect(await get(protocol, '/status/stream/X/create')).toMatchObject({
      status: 404,
      body: { error_code: 40400 },
    });
  });

  it('GET /is_valid_property/{name}', async () => {
    expect(await get(protocol, '/is_valid_property/auto.offset.reset')).toEqual({ status: 200, body: true });
    expect(await get(protocol, '/is_valid_property/no.such.thing')).toMatchObject({
      status: 400,
      body: { error_code: 40000 },
    });
  });

  it('GET /v1/metadata and /v1/metadata/id', async () => {
    const scope = { path: [], clusters: { 'kafka-cluster': 'cluster-1', 'ksql-cluster': 'default_' } };
    expect(await get(protocol, '/v1/metadata')).toEqual({
      status: 200,
      body: { version: '0.1.0', clusterId: { scope, id: '' } },
    });
    expect(await get(protocol, '/v1/metadata/id')).toEqual({ status: 200, body: { scope, id: '' } });
  });

  it('GET /info and /healthcheck', async () => {
    expect(await get(protocol, '/info')).toMatchObject({
      status: 200,
      body: { KsqlServerInfo: { version: '0.1.0', kafkaClusterId: 'cluster-1', ksqlServiceId: 'default_' } },
    });
    expect(await get(protocol, '/healthcheck')).toMatchObject({ status: 200, body: { isHealthy: true } });
  });
});
