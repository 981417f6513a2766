import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { uniqueName } from '../scripts/testing/unique';
import { startLiveServer, type LiveServer } from '../server/api/rest/test-support/live-engine';
import { waitFor } from '../server/api/rest/test-support/wait';

/** The kappa CLI as a child process, driven through stdin, against the real engine and broker. */
const BIN = path.resolve(import.meta.dirname, 'bin.js');
const dir = mkdtempSync(path.join(os.tmpdir(), 'kappa-cli-'));
const historyFile = path.join(dir, 'history');
let live: LiveServer;
const S = uniqueName('cli').toUpperCase();
const topic = S.toLowerCase();

beforeAll(async () => {
  live = await startLiveServer(inject('kafkaBootstrapServers'), uniqueName('cli'));
});
afterAll(async () => live?.stop());

interface Cli {
  readonly child: ChildProcessWithoutNullStreams;
  stdout: string;
  stderr: string;
  readonly exit: Promise<number>;
}

function start(args: string[]): Cli {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, KAPPA_HISTORY_FILE: historyFile, NO_COLOR: '1' },
  });
  const cli: Cli = {
    child,
    stdout: '',
    stderr: '',
    exit: new Promise((resolve) => child.on('close', (code) => resolve(code ?? -1))),
  };
  child.stdout.on('data', (d: Buffer) => (cli.stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (cli.stderr += d.toString()));
  return cli;
}

async function run(args: string[], stdin = ''): Promise<{ stdout: string; stderr: string; code: number }> {
  const cli = start(args);
  cli.child.stdin.end(stdin);
  const code = await cli.exit;
  return { stdout: cli.stdout, stderr: cli.stderr, code };
}

describe('the kappa CLI', () => {
  it('runs the README session through stdin', async () => {
    const session = [
      `CREATE STREAM ${S} (ID STRING KEY, AMOUNT DECIMAL(4,2), NOTE STRING)`,
      `  WITH (KAFKA_TOPIC='${topic}', VALUE_FORMAT='JSON', PARTITIONS=1);`,
      `INSERT INTO ${S} (ID, AMOUNT, NOTE) VALUES ('a', 1.10, 'semi;colon');`,
      `INSERT INTO ${S} (ID, AMOUNT, NOTE) VALUES ('b', 2.5, 'it''s');`,
      'SHOW STREAMS;',
      "SET 'auto.offset.reset'='earliest';",
      `PRINT '${topic}' FROM BEGINNING LIMIT 2;`,
      `SELECT ID, AMOUNT FROM ${S} EMIT CHANGES LIMIT 2;`,
      `SELECT * FROM ${S};`,
      `DESCRIBE ${S};`,
      "DEFINE who = 'b';",
      `SELECT NOTE FROM ${S} WHERE ID = '\${who}';`,
      'history',
      'exit',
    ].join('\n');
    const { stdout, stderr, code } = await run([live.url], `${session}\n`);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(`Server Status: RUNNING`);
    expect(stdout).toContain(' Stream created');
    expect(stdout).toMatch(/ Stream Name +\| Kafka Topic +\| Key Format \| Value Format \| Windowed/);
    expect(stdout).toMatch(new RegExp(` ${S} +\\| ${topic} +\\| KAFKA +\\| JSON +\\| false`));
    expect(stdout).toContain("Successfully changed local property 'auto.offset.reset' to 'earliest'.");
    expect(stdout).toMatch(/rowtime: .*key: a/);
    expect(stdout).toContain('Topic printing ceased');
    expect(stdout).toMatch(/\|a +\|1\.10 +\|\n\|b +\|2\.50 +\|/); // streamed push rows, exact decimals
    expect(stdout).toContain('Limit Reached');
    expect(stdout).toContain('|ID|AMOUNT|NOTE      |'); // pull: fitted table
    expect(stdout).toContain('|a |1.10  |semi;colon|');
    expect(stdout).toMatch(/ AMOUNT +\| DECIMAL\(4, 2\)/);
    expect(stdout).toContain("|it's|");
    expect(stdout).toMatch(/ {4}\d+ {2}SHOW STREAMS;/);
    expect(stdout.trimEnd().endsWith('Exiting Kappa.')).toBe(true);
    expect(readFileSync(historyFile, 'utf8')).toContain('SHOW STREAMS;');
  });

  it('shows a caret under a syntax error and fails a piped script', async () => {
    const { stdout, stderr, code } = await run([live.url], 'SHOW STREAMS;\nCREATE STREAM BAD (;\n');
    expect(stdout).toContain('Stream Name');
    expect(stderr).toContain('CREATE STREAM BAD (;\n                   ^');
    expect(code).toBe(1);
  });

  it('runs -e statements with -d variables and JSON output, and -f scripts with RUN SCRIPT', async () => {
    const e = await run([
      live.url,
      '--output',
      'json',
      '-d',
      'src=' + S,
      '-e',
      'DESCRIBE ${src}; SHOW TOPICS;',
    ]);
    expect(e.code).toBe(0);
    expect(e.stdout).toContain('"@type": "sourceDescription"');
    expect(e.stdout).not.toContain('Having trouble?'); // no banner in batch mode
    const inner = path.join(dir, 'inner.sql');
    writeFileSync(inner, `SELECT ID FROM ${S} WHERE ID = 'a';\n`);
    const outer = path.join(dir, 'outer.sql');
    writeFileSync(outer, `-- a script\nSHOW STREAMS;\nRUN SCRIPT '${inner}';\n`);
    const f = await run([live.url, '-f', outer]);
    expect(f.code).toBe(0);
    expect(f.stdout).toContain('|ID|\n+--+\n|a |');
    const bad = await run([live.url, '-e', 'SELEC 1;']);
    expect(bad.code).toBe(1);
  });

  it('Ctrl-C stops a running push query but not the CLI', async () => {
    const cli = start([live.url]);
    cli.child.stdin.write(`SELECT * FROM ${S} EMIT CHANGES;\n`);
    await waitFor(() => cli.stdout.includes('|ID '), 30_000);
    await waitFor(() => live.running.engine.transientQueries().length > 0, 10_000);
    cli.child.kill('SIGINT');
    await waitFor(() => cli.stdout.includes('Query terminated'), 10_000);
    await waitFor(() => live.running.engine.transientQueries().length === 0, 10_000);
    cli.child.stdin.end('version\nexit\n');
    expect(await cli.exit).toBe(0);
    expect(cli.stdout).toContain('CLI version: ');
  });
});

/** util-linux `script` gives the CLI a real pseudo-terminal; skipped on machines without it. */
const hasScript = spawnSync('script', ['--version']).status === 0;

describe.skipIf(!hasScript)('the kappa CLI in a terminal', () => {
  it('prompts, continues multi-line statements and handles Ctrl-C and Ctrl-D', async () => {
    const child = spawn('script', ['-qfec', `${process.execPath} ${BIN} ${live.url}`, '/dev/null'], {
      env: {
        ...process.env,
        KAPPA_HISTORY_FILE: path.join(dir, 'tty-history'),
        TERM: 'dumb',
        COLUMNS: '100',
      },
    });
    let screen = '';
    child.stdout.on('data', (d: Buffer) => (screen += d.toString()));
    const exit = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
    const type = (keys: string): void => void child.stdin.write(keys);
    const seen = (text: string, from = 0): Promise<void> =>
      waitFor(() => screen.indexOf(text, from) >= 0, 30_000);

    await seen('kappa> ');
    type('SHOW\r');
    await seen('     > ');
    type('STREAMS;\r');
    await seen('Stream Name');
    let mark = screen.length;
    type('SHOW TOPICS;\r');
    await seen('Partition Replicas', mark);
    mark = screen.length;
    type(`SELECT * FROM ${S} EMIT CHANGES;\r`);
    await seen('Press CTRL-C to interrupt', mark);
    await waitFor(() => live.running.engine.transientQueries().length > 0, 30_000);
    type('\x03');
    await seen('Query terminated', mark);
    await waitFor(() => live.running.engine.transientQueries().length === 0, 10_000);
    type('\x04');
    expect(await exit).toBe(0);
    expect(screen).toContain('Exiting Kappa.');
  });
});
