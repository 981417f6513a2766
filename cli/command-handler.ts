import { ArgsError, normalizeUrl, parseOutput } from './args';
import { HELP, type CliCommand } from './cli-commands';
import type { History } from './history';
import type { StatementRunner } from './runner';
import type { CliSession, Output } from './session';

export interface CommandContext {
  readonly session: CliSession;
  readonly runner: StatementRunner;
  readonly output: Output;
  readonly history: History;
  readonly version: string;
}

/** Runs a CLI command; returns 'exit' when the session should end. */
export async function runCliCommand(command: CliCommand, ctx: CommandContext): Promise<'exit' | 'continue'> {
  const { session, output } = ctx;
  switch (command.name) {
    case 'help':
      output.out(HELP);
      break;
    case 'exit':
      return 'exit';
    case 'version': {
      const info = await session.client.info().catch(() => undefined);
      output.out(`CLI version: ${ctx.version}\nServer version: ${info?.KsqlServerInfo.version ?? 'unknown'}`);
      break;
    }
    case 'history':
      ctx.history.list().forEach((line, i) => output.out(`${String(i + 1).padStart(5)}  ${line}`));
      break;
    case 'clear':
      output.out('\x1b[2J\x1b[H');
      break;
    case 'server':
      if (command.url === undefined) output.out(`Server: ${session.url}`);
      else {
        try {
          session.connect(normalizeUrl(command.url));
        } catch (error) {
          output.err(error instanceof ArgsError ? error.message : String(error));
          break;
        }
        const info = await session.client.info().catch(() => undefined);
        output.out(
          info
            ? `Server: ${session.url} (v${info.KsqlServerInfo.version}, ${info.KsqlServerInfo.serverStatus ?? 'RUNNING'})`
            : `Server: ${session.url} (not reachable now)`,
        );
      }
      break;
    case 'output':
      if (command.format === undefined) output.out(`Output format: ${session.output}`);
      else {
        try {
          session.output = parseOutput(command.format);
          output.out(`Output format: ${session.output}`);
        } catch (error) {
          output.err(error instanceof Error ? error.message : String(error));
        }
      }
      break;
    case 'run-script':
      await ctx.runner.runScript(command.path);
      break;
  }
  return 'continue';
}
