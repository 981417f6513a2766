import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { uniqueName } from '../../../scripts/testing/unique';
import { call, json, PROTOCOLS } from './test-support/dual-client';
import { startLiveServer, type LiveServer } from './test-support/live-engine';

/** REST statement and introspection endpoints against the real engine and broker, over both protocols. */
let live: LiveServer;
beforeAll(async () => {
  live = await startLiveServer(
    inject('kafkaBootstrapServers'),
    uniqueName('rest'),
    {},
    { commandTimeoutMs: 1000 },
  );
});
afterAll(async () => live?.stop());

type Entity = Record<string, unknown> & { '@type': string };

describe.each(PROTOCOLS)('statements over %s', (protocol) => {
  const name = uniqueName(`s_${protocol}`).toUpperCase();
  const ksql = (body: unknown) => call(protocol, live.url, 'POST', '/ksql', body);

  it('POST /ksql creates a stream, inserts and lists it, with command sequence numbers', async () => {
    const created = await ksql({
      ksql: `CREATE STREAM ${name} (ID STRING KEY, V INT) WITH (kafka_topic='${name.toLowerCase()}', value_format='JSON', partitions=1);
             INSERT INTO ${name} (ID, V) VALUES ('a', 1);`,
    });
    expect(created.status).toBe(200);
    const [status] = json<Entity[]>(created);
    expect(status).toMatchObject({
      '@type': 'currentStatus',
      commandId: `stream/\`${name}\`/create`,
      commandStatus: { status: 'SUCCESS', message: 'Stream created' },
    });
    const seq = status?.commandSequenceNumber as number;
    const listed = await ksql({ ksql: 'SHOW STREAMS;', commandSequenceNumber: seq });
    expect(json<Entity[]>(listed)[0]?.streams).toContainEqual({
      type: 'STREAM',
      name,
      topic: name.toLowerCase(),
      keyFormat: 'KAFKA',
      valueFormat: 'JSON',
      isWindowed: false,
    });
  });

  it('POST /ksql validates every statement before running any (40001 with a span)', async () => {
    const other = `${name}_NEVER`;
    const r = await ksql({
      ksql: `CREATE STREAM ${other} (ID STRING KEY) WITH (kafka_topic='${other}', value_format='JSON', partitions=1); CREATE STREAM (;`,
    });
    expect(r.status).toBe(400);
    expect(json(r)).toMatchObject({
      '@type': 'statement_error',
      error_code: 40001,
      entities: [],
      diagnostics: [{ span: { startLine: 1 } }],
    });
    const streams = json<Entity[]>(await ksql({ ksql: 'SHOW STREAMS;' }))[0]?.streams as { name: string }[];
    expect(streams.map((s) => s.name)).not.toContain(other);
  });

  it('POST /ksql refuses queries with 40002 and a missed sequence number with 50301', async () => {
    const select = await ksql({ ksql: `SELECT * FROM ${name};` });
    expect(select.status).toBe(400);
    expect(json(select)).toMatchObject({ '@type': 'statement_error', error_code: 40002 });
    expect(select.text).toContain('/query');
    const late = await ksql({ ksql: 'SHOW STREAMS;', commandSequenceNumber: 1_000_000 });
    expect(late.status).toBe(503);
    expect(json(late)).toMatchObject({ error_code: 50301 });
  });

  it('GET /status and /status/{type}/{entity}/{action}', async () => {
    const all = json<{ commandStatuses: Record<string, string> }>(
      await call(protocol, live.url, 'GET', '/status'),
    );
    expect(all.commandStatuses[`stream/\`${name}\`/create`]).toBe('SUCCESS');
    const one = await call(protocol, live.url, 'GET', `/status/stream/${name}/create`);
    expect(json(one)).toMatchObject({ status: 'SUCCESS', message: 'Stream created' });
    expect((await call(protocol, live.url, 'GET', '/status/stream/NOPE/create')).status).toBe(404);
  });

  it('GET /info, /healthcheck, /chc/live, /chc/ready, /v1/metadata, /v1/metadata/id', async () => {
    const get = (path: string) => call(protocol, live.url, 'GET', path);
    expect(json(await get('/info'))).toMatchObject({ KsqlServerInfo: { serverStatus: 'RUNNING' } });
    expect(json(await get('/healthcheck'))).toMatchObject({ isHealthy: true, serverState: 'READY' });
    expect((await get('/chc/live')).status).toBe(200);
    expect((await get('/chc/ready')).status).toBe(200);
    const id = json<{ scope: { clusters: Record<string, string> } }>(await get('/v1/metadata/id'));
    expect(id.scope.clusters['kafka-cluster']).toMatch(/.+/);
    expect(json(await get('/v1/metadata'))).toMatchObject({ version: expect.any(String), clusterId: id });
  });

  it('GET /is_valid_property/{name}', async () => {
    expect(
      json(await call(protocol, live.url, 'GET', '/is_valid_property/ksql.streams.auto.offset.reset')),
    ).toBe(true);
    const bad = await call(protocol, live.url, 'GET', '/is_valid_property/not.a.property');
    expect(bad.status).toBe(400);
    expect(json(bad)).toMatchObject({ error_code: 40000 });
  });

  it('answers unknown routes with a plain 404', async () => {
    const r = await call(protocol, live.url, 'GET', '/nope');
    expect([r.status, r.text]).toEqual([404, 'Not Found']);
  });
});

describe('protection against the live engine', () => {
  it.each(PROTOCOLS)('requires credentials when API keys are configured (%s)', async (protocol) => {
    const guarded = await startLiveServer(inject('kafkaBootstrapServers'), uniqueName('auth'), {
      apiKeys: ['s3cret'],
    });
    try {
      const denied = await call(protocol, guarded.url, 'POST', '/ksql', { ksql: 'SHOW STREAMS;' });
      expect(denied.status).toBe(401);
      expect(json(denied)).toMatchObject({ error_code: 40100 });
      const ok = await call(
        protocol,
        guarded.url,
        'POST',
        '/ksql',
        { ksql: 'SHOW STREAMS;' },
        { authorization: 'Bearer s3cret' },
      );
      expect(ok.status).toBe(200);
    } finally {
      await guarded.stop();
    }
  });
});
