import { describe, expect, it } from 'vitest';
import { INTEGER, STRING } from '../../server/types/sql-type';
import { expandCase } from './expand';
import { FakeDriver, fakeSource, type FakeBehaviour } from './fixtures/fake-driver';
import type { CaseOutcome } from './outcome';
import { JsonNumber, readJson } from './qtt-json';
import type { QttCaseNode } from './qtt-schema';
import { runCase } from './run-case';

const CREATE_IN = 'CREATE STREAM IN ...;';
const CREATE_OUT = 'CREATE STREAM OUT AS SELECT ...;';
const n = (text: string): JsonNumber => new JsonNumber(text);

/** A fake "query" copying every record of `in` to `OUT`, upper-casing JSON field names. */
const identity: FakeBehaviour = {
  statements: {
    [CREATE_IN]: [fakeSource('IN', 'in', { key: [INTEGER], value: [STRING] })],
    [CREATE_OUT]: [fakeSource('OUT', 'OUT', { key: [INTEGER], value: [STRING] })],
    'BAD;': { error: "Column 'X' cannot be resolved." },
  },
  process: (r, d) => {
    if (r.topic !== 'in') return;
    const value = r.value === null ? null : Buffer.from(r.value.toString().replace(/"v"/, '"V"'));
    d.write({ ...r, topic: 'OUT', value });
  },
};

async function run(node: Partial<QttCaseNode>, behaviour: FakeBehaviour = identity): Promise<CaseOutcome> {
  const [c] = expandCase('f.json', { name: 'c', statements: [CREATE_IN, CREATE_OUT], ...node }, 0);
  if (c === undefined) throw new Error('no case');
  return runCase(new FakeDriver(behaviour, c.properties), c);
}

const input = (key: string, value: string | null, extra = {}) => ({
  topic: 'in',
  key: n(key),
  value: value === null ? null : readJson(value),
  ...extra,
});
const output = (key: string, value: string | null, extra = {}) => ({
  ...input(key, value, extra),
  topic: 'OUT',
});

describe('runCase', () => {
  it('passes when the outputs match, tombstones included', async () => {
    const outcome = await run({
      inputs: [input('1', '{"v": "a"}', { timestamp: 5 }), input('2', null)],
      outputs: [output('1', '{"V": "a"}', { timestamp: 5 }), output('2', null)],
    });
    expect(outcome).toEqual({ status: 'passed' });
  });

  it('writes KAFKA keys by column type and stamps inputs without timestamp with 0', async () => {
    const seen: string[] = [];
    const outcome = await run(
      { inputs: [input('7', '{"v": "a"}')] },
      {
        ...identity,
        process: (r) => void seen.push(`${r.key?.toString('hex')}@${r.timestamp}/${r.partition}`),
      },
    );
    expect(outcome.status).toBe('passed');
    expect(seen).toEqual(['00000007@0/0']);
  });

  it('fails with the first difference', async () => {
    const outcome = await run({ inputs: [input('1', '{"v": "a"}')], outputs: [output('1', '{"V": "b"}')] });
    expect(outcome).toMatchObject({
      status: 'failed',
      kind: 'wrong output',
      category: 'wrong output: value',
    });
    expect(outcome.status === 'failed' && outcome.reason).toBe('OUT[0] value.V: expected "b", got "a"');
  });

  it('reports a rejected statement with its message and the statement', async () => {
    const outcome = await run({ statements: [CREATE_IN, 'BAD;'] });
    expect(outcome).toMatchObject({
      kind: 'statement rejected',
      category: 'statement rejected: Column … cannot be resolved.',
    });
    expect(outcome.status === 'failed' && outcome.reason).toBe(
      "statement 2 failed: Column 'X' cannot be resolved. — in: BAD;",
    );
  });

  it('passes an expected error raised by a statement, and names a wrong one', async () => {
    const ok = await run({
      statements: [CREATE_IN, 'BAD;'],
      expectedException: { message: 'cannot be resolved' },
    });
    expect(ok.status).toBe('passed');
    const wrong = await run({
      statements: [CREATE_IN, 'BAD;'],
      expectedException: { message: 'is ambiguous' },
    });
    expect(wrong).toMatchObject({ kind: 'wrong error message' });
  });

  it("requires a statement error to come from the last statement, as ksqlDB's matcher does", async () => {
    const outcome = await run({
      statements: ['BAD;', CREATE_OUT],
      expectedException: {
        type: 'io.confluent.ksql.util.KsqlStatementException',
        message: 'cannot be resolved',
      },
    });
    expect(outcome).toMatchObject({ kind: 'wrong error message' });
    expect(outcome.status === 'failed' && outcome.reason).toContain(
      "statement 1 of 2 failed (the expected error is the last statement's)",
    );
  });

  it('fails an expected error that never came, unless a logged processing error carries it', async () => {
    const none = await run({
      inputs: [input('1', '{"v": "a"}')],
      expectedException: { message: 'overflow' },
    });
    expect(none).toMatchObject({ kind: 'expected error not raised' });
    const logging: FakeBehaviour = {
      ...identity,
      process: (_r, d) =>
        void d.errors.push({ queryId: 'q', kind: 'expression', message: 'Numeric field overflow' }),
    };
    const logged = await run(
      {
        inputs: [input('1', '{"v": "a"}')],
        expectedException: { message: 'Exception caught in process', causeMessage: 'overflow' },
      },
      logging,
    );
    expect(logged.status).toBe('passed');
  });

  it('turns an error thrown while processing into a failure, or a pass when expected', async () => {
    const throwing: FakeBehaviour = {
      ...identity,
      process: () => {
        throw new Error('Fatal user code error in TimestampExtractor callback for record');
      },
    };
    const unexpected = await run({ inputs: [input('1', '{"v": "a"}')] }, throwing);
    expect(unexpected).toMatchObject({ kind: 'processing error' });
    const expected = await run(
      { inputs: [input('1', '{"v": "a"}')], expectedException: { message: 'Fatal user code error' } },
      throwing,
    );
    expect(expected.status).toBe('passed');
  });

  it('checks post-conditions after the outputs', async () => {
    const outcome = await run({ post: { sources: [{ name: 'OUT', type: 'table' }] } });
    expect(outcome).toMatchObject({ kind: 'post-condition' });
    expect(outcome.status === 'failed' && outcome.reason).toBe('post: OUT is a stream, expected a table');
  });

  it('decodes windowed sink keys with the sink window', async () => {
    const windowed: FakeBehaviour = {
      statements: {
        [CREATE_IN]: [fakeSource('IN', 'in', { key: [INTEGER], value: [STRING] })],
        [CREATE_OUT]: [
          fakeSource('OUT', 'OUT', {
            kind: 'TABLE',
            key: [INTEGER],
            value: [STRING],
            window: { type: 'TUMBLING', sizeMs: 10 },
          }),
        ],
      },
      process: (r, d) => {
        const key = Buffer.concat([r.key ?? Buffer.alloc(0), Buffer.from('0000000000000014', 'hex')]);
        d.write({ ...r, topic: 'OUT', key });
      },
    };
    const outcome = await run(
      {
        inputs: [input('1', '{"V0": "a"}')],
        outputs: [output('1', '{"V0": "a"}', { window: { start: 20, end: 30, type: 'time' } })],
      },
      windowed,
    );
    expect(outcome).toEqual({ status: 'passed' });
  });

  it('is a runner error when an input topic has no source', async () => {
    const outcome = await run({ inputs: [{ topic: 'nowhere', value: null }] });
    expect(outcome).toMatchObject({ kind: 'runner error' });
    expect(outcome.status === 'failed' && outcome.reason).toContain(
      "no stream or table over topic 'nowhere'",
    );
  });

  it('sends each statement on the line it would have in the joined script', async () => {
    const sent: string[] = [];
    const driver = new FakeDriver(identity, {});
    const execute = driver.execute.bind(driver);
    driver.execute = (sql: string) => {
      sent.push(sql);
      return execute(sql);
    };
    const [c] = expandCase('f.json', { name: 'c', statements: [CREATE_IN, CREATE_OUT] }, 0);
    await runCase(driver, c!);
    expect(sent).toEqual([CREATE_IN, `\n${CREATE_OUT}`]);
  });
});
