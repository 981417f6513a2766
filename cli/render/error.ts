import type { RestError } from '../../lib/contracts/rest';

/**
 * An error as the CLI shows it: the server's message, then — when the server says where — the
 * offending line of what was sent with a caret under the position. Positions come from Kappa's
 * diagnostics (spans into the submitted text) or from a ksqlDB-style "line L:C" in the message.
 */
export function renderError(error: RestError, submitted?: string): string {
  const out = [error.message];
  const where = position(error, submitted);
  if (where && submitted !== undefined) {
    const line = submitted.split('\n')[where.line - 1];
    if (line !== undefined) {
      const column = Math.min(Math.max(where.column, 1), line.length + 1);
      const width = Math.max(1, Math.min(where.width, line.length - column + 1));
      out.push(line, `${' '.repeat(column - 1)}${'^'.repeat(width)}`);
    }
  } else if (error.statementText !== undefined && error.statementText.length > 0) {
    out.push(`Statement: ${error.statementText}`);
  }
  if (error.error_code === 50301) {
    out.push(
      'The command was not run because the server timed out waiting for earlier commands to be applied.',
    );
  }
  return out.join('\n');
}

function position(
  error: RestError,
  submitted: string | undefined,
): { line: number; column: number; width: number } | undefined {
  const span = error.diagnostics?.find((d) => d.severity === 'error')?.span;
  if (span) {
    const width = span.startLine === span.endLine ? span.endColumn - span.startColumn : 1;
    return { line: span.startLine, column: span.startColumn, width };
  }
  const m = /line (\d+):(\d+)/i.exec(error.message) ?? /line (\d+), column (\d+)/i.exec(error.message);
  if (!m || submitted === undefined) return undefined;
  return { line: Number(m[1]), column: Number(m[2]) + (m[0].includes(',') ? 0 : 1), width: 1 };
}
