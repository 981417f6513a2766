import { describe, expect, it } from 'vitest';
import { parseCliCommand } from './cli-commands';
import { classify } from './statements';

describe('classify', () => {
  it('recognises the session statements the CLI keeps itself', () => {
    expect(classify("SET 'auto.offset.reset' = 'earliest'")).toEqual({
      kind: 'local',
      statement: { kind: 'set', name: 'auto.offset.reset', value: 'earliest' },
    });
    expect(classify("unset 'a'")).toMatchObject({ statement: { kind: 'unset', name: 'a' } });
    expect(classify("DEFINE fmt = 'it''s'")).toMatchObject({
      statement: { kind: 'define', name: 'fmt', value: "it's" },
    });
    expect(classify('UNDEFINE fmt')).toMatchObject({ statement: { kind: 'undefine', name: 'fmt' } });
    expect(classify("-- run it\nRUN SCRIPT '/tmp/x.sql'")).toMatchObject({
      statement: { kind: 'run-script', path: '/tmp/x.sql' },
    });
  });

  it('sends SELECT and PRINT to /query and everything else to /ksql', () => {
    expect(classify('SELECT * FROM s EMIT CHANGES')).toEqual({ kind: 'query' });
    expect(classify("/* c */ print 'topic'")).toEqual({ kind: 'query' });
    expect(classify('CREATE STREAM x AS SELECT * FROM s')).toEqual({ kind: 'statement' });
    expect(classify('EXPLAIN SELECT * FROM s')).toEqual({ kind: 'statement' });
    expect(classify('SHOW PROPERTIES')).toEqual({ kind: 'statement' });
  });
});

describe('parseCliCommand', () => {
  it('reads CLI commands in any case with an optional semicolon', () => {
    expect(parseCliCommand('EXIT;')).toEqual({ name: 'exit' });
    expect(parseCliCommand('quit')).toEqual({ name: 'exit' });
    expect(parseCliCommand('server http://h:1')).toEqual({ name: 'server', url: 'http://h:1' });
    expect(parseCliCommand('output json')).toEqual({ name: 'output', format: 'json' });
    expect(parseCliCommand('run script /tmp/a.sql')).toEqual({ name: 'run-script', path: '/tmp/a.sql' });
    expect(parseCliCommand('history')).toEqual({ name: 'history' });
  });

  it('leaves SQL alone', () => {
    expect(parseCliCommand('SHOW STREAMS;')).toBeUndefined();
    expect(parseCliCommand("RUN SCRIPT '/tmp/a.sql';")).toBeUndefined();
    expect(parseCliCommand('help me')).toBeUndefined();
  });
});
