/**
 * Splits SQL input at `;` outside single-quoted strings, back-quoted and double-quoted
 * identifiers, `--` line comments and `/* … *\/` block comments — what a terminal client needs to
 * decide whether the text typed so far holds complete statements. No parsing beyond that: the
 * engine reports real syntax errors. Quotes escape themselves by doubling (`'it''s'`).
 */
export interface SplitResult {
  /** Complete statements, trimmed, without their `;` (empty ones skipped). */
  readonly statements: readonly SplitStatement[];
  /** Text after the last `;` that is more than whitespace and comments ('' when none). */
  readonly rest: string;
  /** The input ends inside a string, quoted identifier or block comment. */
  readonly open: boolean;
}

export interface SplitStatement {
  readonly text: string;
  /** Offset of the statement's first character in the input. */
  readonly start: number;
}

type State = 'code' | 'single' | 'double' | 'back' | 'line-comment' | 'block-comment';

export function splitSql(input: string): SplitResult {
  const statements: SplitStatement[] = [];
  let state: State = 'code';
  let segmentStart = 0;
  /** Whether the current segment has anything besides whitespace and comments. */
  let hasCode = false;
  const push = (end: number): void => {
    const raw = input.slice(segmentStart, end);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (hasCode && text.length > 0) statements.push({ text, start: segmentStart + lead });
  };
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    const next = input[i + 1];
    switch (state) {
      case 'code':
        if (c === ';') {
          push(i);
          segmentStart = i + 1;
          hasCode = false;
        } else if (c === '-' && next === '-') {
          state = 'line-comment';
          i++;
        } else if (c === '/' && next === '*') {
          state = 'block-comment';
          i++;
        } else if (c === "'" || c === '"' || c === '`') {
          state = c === "'" ? 'single' : c === '"' ? 'double' : 'back';
          hasCode = true;
        } else if (c !== undefined && c.trim().length > 0) {
          hasCode = true;
        }
        break;
      case 'single':
      case 'double':
      case 'back': {
        const quote = state === 'single' ? "'" : state === 'double' ? '"' : '`';
        if (c === quote) {
          if (next === quote) i++;
          else state = 'code';
        }
        break;
      }
      case 'line-comment':
        if (c === '\n') state = 'code';
        break;
      case 'block-comment':
        if (c === '*' && next === '/') {
          state = 'code';
          i++;
        }
        break;
    }
  }
  const open = state === 'single' || state === 'double' || state === 'back' || state === 'block-comment';
  return { statements, rest: hasCode || open ? input.slice(segmentStart) : '', open };
}

/** Removes comments (outside quotes), e.g. to recognise a client-side command. */
export function stripComments(input: string): string {
  let out = '';
  let state: State = 'code';
  for (let i = 0; i < input.length; i++) {
    const c = input[i] ?? '';
    const next = input[i + 1];
    if (state === 'code') {
      if (c === '-' && next === '-') {
        state = 'line-comment';
        i++;
        continue;
      }
      if (c === '/' && next === '*') {
        state = 'block-comment';
        i++;
        out += ' ';
        continue;
      }
      if (c === "'") state = 'single';
      else if (c === '"') state = 'double';
      else if (c === '`') state = 'back';
      out += c;
    } else if (state === 'line-comment') {
      if (c === '\n') {
        state = 'code';
        out += c;
      }
    } else if (state === 'block-comment') {
      if (c === '*' && next === '/') {
        state = 'code';
        i++;
      }
    } else {
      const quote = state === 'single' ? "'" : state === 'double' ? '"' : '`';
      out += c;
      if (c === quote) {
        if (next === quote) {
          out += next;
          i++;
        } else state = 'code';
      }
    }
  }
  return out;
}
