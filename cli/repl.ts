import readline from 'node:readline';
import { splitSql } from '../lib/sql/split';
import { parseCliCommand } from './cli-commands';
import { runCliCommand, type CommandContext } from './command-handler';

export const PROMPT = 'kappa> ';
export const CONTINUATION = '     > ';

/**
 * The interactive loop: a `kappa> ` prompt, multi-line statements until `;` (quotes and comments
 * respected), line editing and arrow-key history from node:readline (saved to ~/.kappa_history),
 * CLI commands on a line of their own. Ctrl-C stops a running query, or clears a half-typed
 * statement; Ctrl-D or `exit` leaves. Piped input works the same way, without prompts, and a
 * failed statement makes the exit code 1.
 */
export async function runRepl(ctx: CommandContext): Promise<void> {
  const interactive = ctx.output.interactive;
  const rl = readline.createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: interactive,
    history: ctx.history.forReadline(),
    historySize: 1000,
    removeHistoryDuplicates: true,
  });
  let buffer = '';
  const prompt = (): void => {
    if (!interactive) return;
    rl.setPrompt(buffer.length === 0 ? PROMPT : CONTINUATION);
    rl.prompt();
  };
  const interrupt = (): void => {
    if (ctx.runner.cancel()) return;
    if (!interactive) {
      rl.close();
      process.exitCode = 130;
      return;
    }
    if (buffer.length > 0) buffer = '';
    else ctx.output.out("(Type 'exit' or press Ctrl-D to leave.)");
    process.stdout.write('\n');
    prompt();
  };
  rl.on('SIGINT', interrupt); // terminal: readline turns ^C into this event
  process.on('SIGINT', interrupt); // piped input: a real signal
  prompt();
  try {
    for await (const line of rl) {
      ctx.history.add(line);
      if (buffer.length === 0) {
        const command = parseCliCommand(line);
        if (command) {
          if ((await runCliCommand(command, ctx)) === 'exit') break;
          prompt();
          continue;
        }
      }
      buffer += buffer.length === 0 ? line : `\n${line}`;
      const { statements, rest, open } = splitSql(buffer);
      if (statements.length > 0) {
        buffer = rest.trim().length === 0 && !open ? '' : rest.replace(/^\s*\n/, '');
        const ok = await ctx.runner.run(statements);
        if (!ok && !interactive) process.exitCode = 1; // scripts piped in report failure
      } else if (buffer.trim().length === 0) {
        buffer = '';
      }
      prompt();
    }
  } finally {
    process.removeListener('SIGINT', interrupt);
    rl.close();
  }
}
