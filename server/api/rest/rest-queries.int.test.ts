import http from 'node:http';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import WebSocket from 'ws';
import { uniqueName } from '../../../scripts/testing/unique';
import { call, json, PROTOCOLS, type Protocol } from './test-support/dual-client';
import { h2Open } from './test-support/h2-client';
import { startLiveServer, type LiveServer } from './test-support/live-engine';
import { waitFor } from './test-support/wait';

/** Queries, inserts and the WebSocket against the real engine and broker, over both protocols. */
let live: LiveServer;
const S = uniqueName('q').toUpperCase();
const EARLIEST = { 'auto.offset.reset': 'earliest' };

beforeAll(async () => {
  live = await startLiveServer(inject('kafkaBootstrapServers'), uniqueName('rest'));
  const r = await call('http1', live.url, 'POST', '/ksql', {
    ksql: `CREATE STREAM ${S} (ID STRING KEY, AMOUNT DECIMAL(4,2), N BIGINT)
             WITH (kafka_topic='${S.toLowerCase()}', value_format='JSON', partitions=1);
           INSERT INTO ${S} (ID, AMOUNT, N) VALUES ('a', 1.10, 1);
           INSERT INTO ${S} (ID, AMOUNT, N) VALUES ('b', 2.5, 2);
           CREATE TABLE ${S}_COUNTS AS SELECT ID, COUNT(*) AS C FROM ${S} GROUP BY ID;`,
  });
  expect(r.status).toBe(200);
});
afterAll(async () => live?.stop());

const ROWS = [{ row: { columns: ['a', 1.1, 1] } }, { row: { columns: ['b', 2.5, 2] } }];

describe.each(PROTOCOLS)('queries over %s', (protocol) => {
  const post = (path: string, body: unknown, accept?: string) =>
    call(protocol, live.url, 'POST', path, body, accept ? { accept } : {});

  it('POST /query streams a push query from the earliest offset until its LIMIT', async () => {
    const r = await post('/query', {
      ksql: `SELECT * FROM ${S} EMIT CHANGES LIMIT 2;`,
      streamsProperties: EARLIEST,
    });
    expect(r.status).toBe(200);
    expect(r.text).toContain('["a",1.10,1]');
    expect(json(r)).toEqual([
      {
        header: {
          queryId: expect.stringMatching(/^transient_/),
          schema: '`ID` STRING, `AMOUNT` DECIMAL(4, 2), `N` BIGINT',
        },
      },
      ...ROWS,
      { finalMessage: 'Limit Reached' },
    ]);
  });

  it('POST /query answers pull queries, marking KEY columns for tables only (as ksqlDB)', async () => {
    const r = await post('/query', { ksql: `SELECT * FROM ${S};` });
    expect(json(r)).toEqual([
      { header: { queryId: expect.any(String), schema: '`ID` STRING, `AMOUNT` DECIMAL(4, 2), `N` BIGINT' } },
      ...ROWS,
      { finalMessage: 'Query Completed' },
    ]);
    let table: unknown[] = [];
    await waitFor(
      () => table.length === 3,
      20_000,
      async () => {
        table = json<unknown[]>(await post('/query', { ksql: `SELECT * FROM ${S}_COUNTS WHERE ID = 'b';` }));
      },
    );
    expect(table).toEqual([
      { header: { queryId: expect.any(String), schema: '`ID` STRING KEY, `C` BIGINT' } },
      { row: { columns: ['b', 1] } },
      { finalMessage: 'Query Completed' },
    ]);
  });

  it('a pull query right after CREATE TABLE … AS SELECT sees the rows already in its input', async () => {
    const table = `${S}_TOTALS_${protocol === 'http1' ? 'H1' : 'H2'}`;
    const created = await post('/ksql', {
      ksql: `CREATE TABLE ${table} AS SELECT ID, SUM(N) AS TOTAL FROM ${S} GROUP BY ID;`,
      streamsProperties: EARLIEST,
    });
    expect(created.status).toBe(200);
    const seq = json<{ commandSequenceNumber: number }[]>(created)[0]!.commandSequenceNumber;
    // At once, no polling: the engine waits for the new query to process what the stream holds.
    const r = await post('/query', { ksql: `SELECT * FROM ${table};`, commandSequenceNumber: seq });
    expect(json(r)).toEqual([
      { header: { queryId: expect.any(String), schema: '`ID` STRING KEY, `TOTAL` BIGINT' } },
      { row: { columns: ['a', 1] } },
      { row: { columns: ['b', 2] } },
      { finalMessage: 'Query Completed' },
    ]);
  });

  it('POST /query streams PRINT as text lines', async () => {
    const r = await post('/query', { ksql: `PRINT '${S.toLowerCase()}' FROM BEGINNING LIMIT 2;` });
    const records = r.text.split('\n').filter((l) => l.startsWith('rowtime:'));
    expect(records).toHaveLength(2);
    expect(records[0]).toContain('key: a');
  });

  it('POST /query-stream answers in all three encodings', async () => {
    const sql = { sql: `SELECT * FROM ${S} EMIT CHANGES LIMIT 2;`, properties: EARLIEST };
    const delimited = await post('/query-stream', sql);
    expect(delimited.type).toBe('application/vnd.ksqlapi.delimited.v1');
    const lines = delimited.text.trimEnd().split('\n');
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({
      columnNames: ['ID', 'AMOUNT', 'N'],
      columnTypes: ['STRING', 'DECIMAL(4, 2)', 'BIGINT'],
    });
    expect(lines.slice(1)).toEqual(['["a",1.10,1]', '["b",2.50,2]']);
    const array = json<unknown[]>(await post('/query-stream', sql, 'application/json'));
    expect(array.slice(1)).toEqual([
      ['a', 1.1, 1],
      ['b', 2.5, 2],
    ]);
    const v1 = json<unknown[]>(await post('/query-stream', sql, 'application/vnd.ksql.v1+json'));
    expect(v1.slice(1)).toEqual([...ROWS, { finalMessage: 'Limit Reached' }]);
  });

  it('POST /query-stream serves PRINT in delimited mode only', async () => {
    const print = { sql: `PRINT '${S.toLowerCase()}' FROM BEGINNING LIMIT 1;` };
    expect((await post('/query-stream', print)).text).toMatch(/^rowtime:|\nrowtime:/);
    expect((await post('/query-stream', print, 'application/json')).status).toBe(406);
  });

  it('POST /inserts-stream writes rows that a query then reads', async () => {
    const target = uniqueName(`ins_${protocol}`).toUpperCase();
    await post('/ksql', {
      ksql: `CREATE STREAM ${target} (ID STRING KEY, V INT) WITH (kafka_topic='${target}', value_format='JSON', partitions=1);`,
    });
    const acks = await insertStream(protocol, [
      JSON.stringify({ target: target.toLowerCase() }),
      '{"ID":"x","V":1}',
      '{"id":"y","v":2}',
    ]);
    expect(acks).toEqual([
      { status: 'ok', seq: 0 },
      { status: 'ok', seq: 1 },
    ]);
    const rows = json<unknown[]>(
      await post(
        '/query-stream',
        { sql: `SELECT * FROM ${target} EMIT CHANGES LIMIT 2;`, properties: EARLIEST },
        'application/json',
      ),
    );
    expect(rows.slice(1)).toEqual([
      ['x', 1],
      ['y', 2],
    ]);
  });

  it('POST /close-query ends a running push query; a disconnect ends one too', async () => {
    const s = h2Open(live.url, '/query-stream', {
      method: 'POST',
      body: JSON.stringify({ sql: `SELECT * FROM ${S} EMIT CHANGES;` }),
    });
    let text = '';
    const done = (async () => {
      for await (const chunk of s.body) text += chunk;
    })();
    await waitFor(() => text.includes('\n'), 20_000);
    const { queryId } = JSON.parse(text.split('\n')[0] ?? '') as { queryId: string };
    const close = await call(protocol, live.url, 'POST', '/close-query', { queryId });
    expect([close.status, close.text]).toEqual([200, '']);
    await done;
    s.close();
    expect(live.running.engine.transientQueries().map((q) => q.id)).not.toContain(queryId);
    const unknown = await call(protocol, live.url, 'POST', '/close-query', { queryId });
    expect(json(unknown)).toMatchObject({ error_code: 40000 });

    const before = live.running.engine.transientQueries().length;
    const ac = new AbortController();
    const res = await fetch(`${live.url}/query`, {
      method: 'POST',
      body: JSON.stringify({ ksql: `SELECT * FROM ${S} EMIT CHANGES;` }),
      signal: ac.signal,
    });
    expect(res.status).toBe(200);
    await waitFor(() => live.running.engine.transientQueries().length > before, 20_000);
    ac.abort();
    await waitFor(() => live.running.engine.transientQueries().length === before, 20_000);
  });
});

describe('GET /ws/query', () => {
  it('sends the schema and rows, then closes with 1000', async () => {
    const request = encodeURIComponent(
      JSON.stringify({ ksql: `SELECT * FROM ${S} EMIT CHANGES LIMIT 2;`, streamsProperties: EARLIEST }),
    );
    const ws = new WebSocket(`${live.url.replace('http', 'ws')}/ws/query?request=${request}`);
    const frames: string[] = [];
    ws.on('message', (d: Buffer) => frames.push(d.toString()));
    const closed = await new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    expect(closed).toBe(1000);
    expect(JSON.parse(frames[0] ?? '')).toEqual([
      { name: 'ID', schema: { type: 'STRING', fields: null, memberSchema: null }, type: 'KEY' },
      expect.objectContaining({ name: 'AMOUNT' }),
      expect.objectContaining({ name: 'N' }),
    ]);
    expect(frames.slice(1)).toEqual(['{"row":{"columns":["a",1.10,1]}}', '{"row":{"columns":["b",2.50,2]}}']);
  });
});

async function insertStream(protocol: Protocol, lines: string[]): Promise<unknown[]> {
  let text = '';
  if (protocol === 'http2') {
    const s = h2Open(live.url, '/inserts-stream', { method: 'POST', keepOpen: true });
    for (const line of lines) s.write(`${line}\n`);
    s.endRequest();
    for await (const chunk of s.body) text += chunk;
    s.close();
  } else {
    text = await new Promise<string>((resolve, reject) => {
      const req = http.request(`${live.url}/inserts-stream`, { method: 'POST' }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve(body));
      });
      req.on('error', reject);
      for (const line of lines) req.write(`${line}\n`);
      req.end();
    });
  }
  return text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { seq: number })
    .sort((a, b) => a.seq - b.seq);
}
