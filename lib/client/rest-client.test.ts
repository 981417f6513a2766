import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeEngine } from '../../server/api/rest/test-support/fake-engine';
import { startRestServer, type RestServer } from '../../server/api/rest/test-support/harness';
import { waitFor } from '../../server/api/rest/test-support/wait';
import { KsqlRestClient, RestClientError, type QueryEvent } from './rest-client';
import { parseQueryStream } from './rest-stream';

const engine = new FakeEngine();
let server: RestServer;
let client: KsqlRestClient;
beforeAll(async () => {
  server = await startRestServer(engine, { apiKeys: ['k'] });
  client = new KsqlRestClient({ baseUrl: `${server.url}/`, credentials: { apiKey: 'k' } });
});
afterAll(async () => server.close());

async function collect(events: AsyncIterable<QueryEvent>): Promise<QueryEvent[]> {
  const out: QueryEvent[] = [];
  for await (const e of events) out.push(e);
  return out;
}

describe('KsqlRestClient against the REST routes', () => {
  it('reads /info and runs statements with session state', async () => {
    expect((await client.info()).KsqlServerInfo.ksqlServiceId).toBe('default_');
    const entities = await client.ksql('SHOW STREAMS;', {
      properties: { 'auto.offset.reset': 'earliest' },
      variables: { v: '1' },
      commandSequenceNumber: 3,
    });
    expect(entities[0]?.['@type']).toBe('streams');
    expect(engine.executed.at(-1)?.options).toMatchObject({
      commandSequenceNumber: 3,
      variables: { v: '1' },
    });
  });

  it('throws RestClientError with the error body', async () => {
    const error = await client.ksql('BAD;').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RestClientError);
    expect((error as RestClientError).status).toBe(400);
    expect((error as RestClientError).body).toMatchObject({
      error_code: 40001,
      diagnostics: [expect.any(Object)],
    });
    const unauthorized = new KsqlRestClient({ baseUrl: server.url });
    await expect(unauthorized.info()).rejects.toMatchObject({ status: 401, body: { error_code: 40100 } });
  });

  it('streams a pull query as events with exact row text', async () => {
    const events = await collect(client.query('SELECT * FROM T WHERE ID=1;'));
    expect(events).toEqual([
      {
        kind: 'header',
        queryId: expect.any(String),
        columns: [
          { name: 'ID', type: 'STRING', key: true },
          { name: 'AMOUNT', type: 'DECIMAL(4, 2)', key: false },
          { name: 'N', type: 'BIGINT', key: false },
        ],
      },
      { kind: 'row', columns: ['a', 1.1, 1], tombstone: false, raw: '["a",1.10,1]' },
      { kind: 'row', columns: ['b', null, 2], tombstone: false, raw: '["b",null,2]' },
      { kind: 'final', message: 'Query Completed' },
    ]);
  });

  it('stops a push query when aborted', async () => {
    const before = engine.queries.length;
    const ac = new AbortController();
    const seen: QueryEvent[] = [];
    const run = (async () => {
      for await (const e of client.query('SELECT * FROM S EMIT CHANGES;', { signal: ac.signal })) {
        seen.push(e);
        if (e.kind === 'row') ac.abort();
      }
    })().catch((e: unknown) => e);
    await waitFor(() => engine.queries.length > before && engine.lastQuery.sink !== undefined);
    engine.lastQuery.push([{ values: ['x', null, 1n] }]);
    await run;
    await waitFor(() => engine.lastQuery.closed);
    expect(seen.map((e) => e.kind)).toEqual(['header', 'row']);
  });

  it('reads PRINT output as text and closes queries', async () => {
    const before = engine.queries.length;
    const run = collect(client.query("PRINT 's';"));
    await waitFor(() => engine.queries.length > before && engine.lastQuery.sink !== undefined);
    engine.lastQuery.push([{ values: ['Key format: KAFKA_STRING'] }]);
    await client.closeQuery(engine.lastQuery.id);
    expect(await run).toEqual([{ kind: 'text', line: 'Key format: KAFKA_STRING' }]);
  });

  it('reads statuses and property validity', async () => {
    expect(await client.commandStatuses()).toEqual({ 'stream/`S`/create': 'SUCCESS' });
    expect(await client.commandStatus('stream/`S`/create')).toMatchObject({ status: 'SUCCESS' });
    expect(await client.isValidProperty('auto.offset.reset')).toBe(true);
    expect(await client.isValidProperty('nope')).toBe(false);
  });
});

describe('parseQueryStream', () => {
  async function* lines(...items: string[]): AsyncGenerator<string> {
    yield* items;
  }
  it('reads ksqlDB lines with trailing commas, blank keep-alives and an error element', async () => {
    const events = await collect(
      parseQueryStream(
        lines(
          '[{"header":{"queryId":"q","schema":"`A` INTEGER"}},',
          '',
          '{"row":{"columns":[1]}},',
          '{"errorMessage":{"@type":"generic_error","error_code":50000,"message":"x"}},',
          ']',
        ),
      ),
    );
    expect(events.map((e) => e.kind)).toEqual(['header', 'row', 'error']);
  });
});
