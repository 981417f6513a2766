/**
 * `kappa [url]` — the terminal client (like the ksql and mysql clients). It talks to the engine's
 * REST API only (lib/client/rest-client.ts) and imports nothing from server/.
 */
import { ArgsError, parseArgs, USAGE } from './args';
import { banner } from './banner';
import { History } from './history';
import { runRepl } from './repl';
import { StatementRunner } from './runner';
import { CliSession, type Output } from './session';
import { cliVersion } from './version';

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof ArgsError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  const version = cliVersion();
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.version) {
    process.stdout.write(`${version}\n`);
    return 0;
  }
  const credentials =
    args.apiKey !== undefined
      ? { apiKey: args.apiKey }
      : args.user !== undefined
        ? { user: args.user, password: args.password ?? '' }
        : undefined;
  const session = new CliSession(args.url, args.output, args.variables, credentials);
  const output: Output = {
    out: (text) => void process.stdout.write(`${text}\n`),
    err: (text) => void process.stderr.write(`${text}\n`),
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    ...(process.stdout.columns ? { columns: process.stdout.columns } : {}),
  };
  const runner = new StatementRunner(session, output);

  if (args.execute !== undefined || args.file !== undefined) {
    const cancel = (): void => {
      if (!runner.cancel()) process.exit(130);
    };
    process.on('SIGINT', cancel);
    const ok =
      args.execute !== undefined
        ? await runner.runText(args.execute)
        : await runner.runScript(args.file ?? '');
    process.removeListener('SIGINT', cancel);
    return ok ? 0 : 1;
  }

  const info = await session.client.info().catch(() => undefined);
  output.out(banner(version, session.url, info));
  await runRepl({ session, runner, output, history: new History(), version });
  output.out('Exiting Kappa.');
  return 0;
}

main().then(
  (code) => {
    process.exitCode = process.exitCode ?? code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
