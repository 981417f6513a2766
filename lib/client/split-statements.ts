/**
 * Splits a script into statements at top-level `;`, respecting 'strings', `quoted` and "quoted"
 * names, -- line comments and block comments. The workbench runs one statement per run and maps
 * each statement's diagnostics back into the editor by its offset, so offsets are exact UTF-16
 * indexes into the script. Statements that hold only whitespace and comments are left out.
 */
export interface ScriptStatement {
  /** The statement's text, trimmed, with its `;` when it had one. */
  readonly text: string;
  /** Offset of `text` in the script. */
  readonly start: number;
  /** Offset just past `text` (past the `;` when present). */
  readonly end: number;
}

function isBlank(text: string): boolean {
  return text.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, '').trim() === '';
}

export function splitStatements(script: string): ScriptStatement[] {
  const out: ScriptStatement[] = [];
  let segmentStart = 0;
  const push = (endExclusive: number): void => {
    const raw = script.slice(segmentStart, endExclusive);
    if (!isBlank(raw.replace(/;$/, ''))) {
      const lead = raw.length - raw.trimStart().length;
      const text = raw.trim();
      out.push({ text, start: segmentStart + lead, end: segmentStart + lead + text.length });
    }
    segmentStart = endExclusive;
  };
  let i = 0;
  while (i < script.length) {
    const c = script[i];
    const next = script[i + 1];
    if (c === "'" || c === '`' || c === '"') {
      i++;
      while (i < script.length) {
        if (script[i] === c) {
          if (script[i + 1] === c)
            i += 2; // doubled quote escapes itself
          else break;
        } else i++;
      }
      i++;
    } else if (c === '-' && next === '-') {
      while (i < script.length && script[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      const close = script.indexOf('*/', i + 2);
      i = close < 0 ? script.length : close + 2;
    } else if (c === ';') {
      push(i + 1);
      i++;
    } else i++;
  }
  push(script.length);
  return out;
}

/**
 * The statement the cursor is in: the one containing the offset, else the nearest one ending
 * before it on the same run of text (a cursor just after `;` means the statement before).
 */
export function statementAt(
  statements: readonly ScriptStatement[],
  offset: number,
): ScriptStatement | undefined {
  const inside = statements.find((s) => offset >= s.start && offset <= s.end);
  if (inside) return inside;
  const before = [...statements].reverse().find((s) => s.end <= offset);
  return before ?? statements[0];
}

/** 1-based line and column of a UTF-16 offset in `text`, as editors show positions. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lastBreak = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: before.length - lastBreak };
}
