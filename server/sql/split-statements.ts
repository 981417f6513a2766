import type { Span } from '../../lib/contracts/span';
import { lex } from './lexer';
import type { Token } from './token';

export interface StatementText {
  /** From the statement's first token to its last, without the `;` and surrounding comments. */
  readonly text: string;
  readonly span: Span;
  /** Whether a `;` ends it (the last statement of a script may lack one). */
  readonly terminated: boolean;
}

/**
 * Splits a script at `;` outside strings, quoted identifiers and comments. Empty statements are
 * skipped. Never throws; an unterminated string or comment runs to the end of the text.
 */
export function splitStatements(text: string): StatementText[] {
  const out: StatementText[] = [];
  let first: Token | undefined;
  let last: Token | undefined;
  const emit = (terminated: boolean): void => {
    if (first !== undefined && last !== undefined) {
      out.push({
        text: text.slice(first.start, last.end),
        span: {
          start: first.start,
          end: last.end,
          startLine: first.line,
          startColumn: first.column,
          endLine: last.endLine,
          endColumn: last.endColumn,
        },
        terminated,
      });
    }
    first = undefined;
    last = undefined;
  };
  for (const t of lex(text)) {
    if (t.kind === 'eof') break;
    if (t.kind === 'punct' && t.value === ';') {
      emit(true);
      continue;
    }
    first ??= t;
    last = t;
  }
  emit(false);
  return out;
}
