import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeEngine } from '../server/api/rest/test-support/fake-engine';
import { startRestServer, type RestServer } from '../server/api/rest/test-support/harness';
import { waitFor } from '../server/api/rest/test-support/wait';
import { StatementRunner } from './runner';
import { CliSession, type Output } from './session';

const engine = new FakeEngine();
let server: RestServer;
beforeAll(async () => {
  server = await startRestServer(engine);
});
afterAll(async () => server.close());

function setup(format: 'TABULAR' | 'JSON' = 'TABULAR') {
  const out: string[] = [];
  const err: string[] = [];
  const output: Output = { out: (t) => out.push(t), err: (t) => err.push(t), interactive: false };
  const session = new CliSession(server.url, format, { v: '1' });
  return { out, err, session, runner: new StatementRunner(session, output) };
}

describe('StatementRunner', () => {
  it('batches statements into one /ksql request and tracks the command sequence number', async () => {
    const { out, session, runner } = setup();
    const before = engine.executed.length;
    expect(
      await runner.runText("CREATE STREAM A (X INT) WITH (kafka_topic='a'); CREATE STREAM B; SHOW STREAMS;"),
    ).toBe(true);
    expect(engine.executed.length - before).toBe(1);
    expect(engine.executed.at(-1)?.sql).toBe(
      "CREATE STREAM A (X INT) WITH (kafka_topic='a');\nCREATE STREAM B;\nSHOW STREAMS;",
    );
    expect(session.commandSequenceNumber).toBe(2);
    expect(out.join('\n')).toContain(' Stream Name | Kafka Topic | Key Format | Value Format | Windowed');
    await runner.runText('SHOW STREAMS;');
    expect(engine.executed.at(-1)?.options?.commandSequenceNumber).toBe(2);
  });

  it('keeps SET and DEFINE in the session and sends them with every request', async () => {
    const { out, err, runner } = setup();
    expect(await runner.runText("SET 'auto.offset.reset'='earliest'; DEFINE x = 'y'; SHOW STREAMS;")).toBe(
      true,
    );
    expect(out[0]).toBe(
      "Successfully changed local property 'auto.offset.reset' to 'earliest'. Use the UNSET command to revert your change.",
    );
    expect(engine.executed.at(-1)?.options).toMatchObject({
      properties: { 'auto.offset.reset': 'earliest' },
      variables: { v: '1', x: 'y' },
    });
    await runner.runText('SELECT * FROM T WHERE ID=1;');
    expect(engine.queryOptions.at(-1)?.properties).toEqual({ 'auto.offset.reset': 'earliest' });
    expect(await runner.runText("UNSET 'auto.offset.reset'; UNDEFINE x;")).toBe(true);
    expect(await runner.runText("SET 'no.such'='1';")).toBe(false);
    expect(err.at(-1)).toContain('Not recognizable');
    expect(await runner.runText("UNSET 'nothing';")).toBe(false);
  });

  it('stops at the first error and shows a caret under its position', async () => {
    const { err, runner } = setup();
    expect(await runner.runText('SHOW STREAMS; BAD; SHOW STREAMS;')).toBe(false);
    expect(err.at(-1)).toBe("line 1:1: Syntax error at or near 'BAD'\nBAD;\n^^^");
  });

  it('prints pull results as a fitted table and push results as streamed boxes', async () => {
    const { out, runner } = setup();
    await runner.runText('SELECT * FROM T WHERE ID=1;');
    expect(out.join('\n')).toBe(
      [
        '+--+------+-+',
        '|ID|AMOUNT|N|',
        '+--+------+-+',
        '|a |1.10  |1|',
        '|b |null  |2|',
        '+--+------+-+',
        'Query terminated',
      ].join('\n'),
    );
    out.length = 0;
    const before = engine.queries.length;
    const done = runner.runText('SELECT * FROM T EMIT CHANGES;');
    await waitFor(() => engine.queries.length > before && engine.lastQuery.sink !== undefined);
    engine.lastQuery.push([{ values: ['k', '9.99', 1n] }, { values: ['k', null, null], tombstone: true }]);
    await waitFor(() => out.length >= 3);
    expect(runner.cancel()).toBe(true);
    expect(await done).toBe(true);
    expect(out.slice(1, 3)).toEqual([
      `|k${' '.repeat(19)}|9.99${' '.repeat(16)}|1${' '.repeat(19)}|`,
      `|k${' '.repeat(19)}|<TOMBSTONE>${' '.repeat(9)}|<TOMBSTONE>${' '.repeat(9)}|`,
    ]);
    expect(out.at(-1)).toBe('Query terminated');
    await waitFor(() => engine.lastQuery.closed);
  });

  it('prints JSON when asked', async () => {
    const { out, runner } = setup('JSON');
    await runner.runText('SHOW STREAMS; SELECT * FROM T WHERE ID=1;');
    expect(JSON.parse(out[0] ?? '')).toMatchObject({ '@type': 'streams' });
    expect(out.slice(2)).toEqual([
      '{"row":{"columns":["a",1.10,1]}}',
      '{"row":{"columns":["b",null,2]}}',
      '{"finalMessage":"Query Completed"}',
    ]);
  });
});
