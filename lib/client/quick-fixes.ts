import type { Diagnostic } from '../contracts/diagnostics';
import { nearestName } from './nearest-name';

export interface QuickFix {
  readonly title: string;
  /** Edits with spans relative to the statement text. */
  readonly edits: readonly { span: { start: number; end: number }; text: string }[];
}

const UNRESOLVED = /cannot be resolved|not found|does not exist|unknown column|invalid column/i;

/**
 * The fixes to offer for a diagnostic of one statement: the server's own, plus the obvious ones
 * it may not know — a misspelled column replaced by the nearest known name, and EMIT CHANGES
 * appended to a push query that needs it.
 */
export function quickFixes(
  diagnostic: Diagnostic,
  statement: string,
  columnNames: readonly string[],
): QuickFix[] {
  const fixes: QuickFix[] = [...(diagnostic.fixes ?? [])];
  const { start, end } = diagnostic.span;
  if (UNRESOLVED.test(diagnostic.message)) {
    const word = statement.slice(start, end).replace(/[`"]/g, '');
    const quoted = /'([^']+)'|`([^`]+)`/.exec(diagnostic.message);
    const name = /^[A-Za-z_]\w*$/.test(word) ? word : (quoted?.[1] ?? quoted?.[2] ?? '');
    const near = name ? nearestName(name, columnNames) : undefined;
    if (near && !fixes.some((f) => f.title.includes(near))) {
      const at = statement.toUpperCase().indexOf(name.toUpperCase(), Math.max(0, start - name.length));
      const span = at >= 0 ? { start: at, end: at + name.length } : { start, end };
      fixes.push({ title: `Change ${name} to ${near}`, edits: [{ span, text: near }] });
    }
  }
  if (
    /EMIT CHANGES/i.test(diagnostic.message) &&
    !/\bEMIT\b/i.test(statement) &&
    !fixes.some((f) => /EMIT/i.test(f.title))
  ) {
    const trimmed = statement.replace(/\s*;?\s*$/, '');
    fixes.push({
      title: 'Add EMIT CHANGES',
      edits: [{ span: { start: trimmed.length, end: trimmed.length }, text: ' EMIT CHANGES' }],
    });
  }
  return fixes;
}

/**
 * The engine words syntax errors relative to the statement it was sent ("at line 2, column 33");
 * the workbench shows the position in the editor instead, so that part of the message is left out.
 */
export function withoutPosition(message: string): string {
  return message.replace(/\s+at line \d+, column \d+:?\s*/, ': ');
}
