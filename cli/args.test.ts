import { describe, expect, it } from 'vitest';
import { ArgsError, parseArgs } from './args';

describe('parseArgs', () => {
  it('defaults to localhost:8088 and tabular output', () => {
    expect(parseArgs([])).toEqual({
      url: 'http://localhost:8088',
      output: 'TABULAR',
      variables: {},
      help: false,
      version: false,
    });
  });

  it('reads the server, statements, variables, output and credentials', () => {
    expect(
      parseArgs([
        'host:9000/',
        '-e',
        'SHOW STREAMS;',
        '-d',
        'a=1',
        '--define=b=x=y',
        '--output',
        'json',
        '-u',
        'me',
        '-p',
        'pw',
      ]),
    ).toMatchObject({
      url: 'http://host:9000',
      execute: 'SHOW STREAMS;',
      variables: { a: '1', b: 'x=y' },
      output: 'JSON',
      user: 'me',
      password: 'pw',
    });
    expect(parseArgs(['-f', 'x.sql', '--api-key=k'])).toMatchObject({ file: 'x.sql', apiKey: 'k' });
  });

  it('rejects bad input with a readable message', () => {
    expect(() => parseArgs(['--nope'])).toThrow(ArgsError);
    expect(() => parseArgs(['-e'])).toThrow(/needs a value/);
    expect(() => parseArgs(['-d', 'novalue'])).toThrow(/name=value/);
    expect(() => parseArgs(['--output', 'xml'])).toThrow(/JSON or TABULAR/);
    expect(() => parseArgs(['ftp://x'])).toThrow(/http/);
    expect(() => parseArgs(['-e', 'x', '-f', 'y'])).toThrow(/either/);
  });
});
