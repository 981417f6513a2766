import { stripComments } from '../lib/sql/split';

/** Commands of the CLI itself (not SQL): typed alone on a line, `;` optional, any case. */
export type CliCommand =
  | { readonly name: 'help' | 'exit' | 'version' | 'history' | 'clear' }
  | { readonly name: 'server'; readonly url?: string }
  | { readonly name: 'output'; readonly format?: string }
  | { readonly name: 'run-script'; readonly path: string };

export function parseCliCommand(line: string): CliCommand | undefined {
  const text = stripComments(line).trim().replace(/;$/, '').trim();
  const [word = '', ...rest] = text.split(/\s+/);
  const arg = rest.join(' ');
  switch (word.toLowerCase()) {
    case 'help':
    case 'version':
    case 'history':
    case 'clear':
      return rest.length === 0 ? { name: word.toLowerCase() as 'help' } : undefined;
    case 'exit':
    case 'quit':
      return rest.length === 0 ? { name: 'exit' } : undefined;
    case 'server':
      return rest.length <= 1 ? { name: 'server', ...(arg ? { url: arg } : {}) } : undefined;
    case 'output':
      return rest.length <= 1 ? { name: 'output', ...(arg ? { format: arg } : {}) } : undefined;
    case 'run': {
      // `run script <file>` without quotes; the SQL form RUN SCRIPT '<file>'; is a statement.
      const m = /^script\s+([^'\s].*)$/i.exec(arg);
      return m?.[1] ? { name: 'run-script', path: m[1].trim() } : undefined;
    }
    default:
      return undefined;
  }
}

export const HELP = `
Description:
  The Kappa CLI: run SQL statements against a Kappa (or ksqlDB) server.
  Statements end with a semicolon (;) and may span several lines.

CLI commands (no semicolon needed):
  help                      show this help
  version                   show the CLI and server versions
  server [url]              show or change the server
  output [JSON|TABULAR]     show or change the output format
  history                   show the statement history (~/.kappa_history)
  clear                     clear the screen
  run script <file>         run the statements of a file
  exit                      leave the CLI (also Ctrl-D)

Session statements (kept by the CLI for this session, as in ksql):
  SET 'auto.offset.reset'='earliest';     UNSET 'auto.offset.reset';
  DEFINE topic = 'orders';                UNDEFINE topic;
  RUN SCRIPT '/path/to/file.sql';

Queries (SELECT, PRINT) stream until their LIMIT or until Ctrl-C, which stops the query only.
`.trim();
