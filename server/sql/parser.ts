import type { Diagnostic } from '../../lib/contracts/diagnostics';
import type { Span } from '../../lib/contracts/span';
import type { Identifier } from './ast-common';
import { RESERVED } from './keywords';
import { describeExpected, describeToken } from './expectation-labels';
import { syntaxFixes } from './syntax-fixes';
import type { Token } from './token';

/** ksqlDB's error code for a statement the engine cannot accept (syntax errors included). */
export const SYNTAX_ERROR_CODE = 40001;

/** Nesting beyond this is reported as an error instead of risking a stack overflow. */
export const MAX_DEPTH = 200;

/** What an identifier stands for where the parser expects one; drives completion and messages. */
export type IdentRole =
  | 'source'
  | 'stream'
  | 'table'
  | 'new-name'
  | 'column'
  | 'new-column'
  | 'alias'
  | 'function'
  | 'type'
  | 'field'
  | 'property'
  | 'query'
  | 'variable'
  | 'connector'
  | 'param'
  | 'identifier';

/** Unwinds the current statement after its diagnostic has been recorded; never escapes the module API. */
export class ParseAbort {
  constructor(readonly diagnostic: Diagnostic) {}
}

/**
 * Token cursor shared by the parse functions. It records, for the furthest position reached, every
 * alternative that was tried there: that set names "what could come" in error messages and is what
 * completion offers at the cursor.
 */
export class Parser {
  pos = 0;
  depth = 0;
  private furthest = -1;
  // A reused array (deduplicated when read): `expect` runs for most tokens and must stay cheap.
  private expected: string[] = [];
  /** Lambda parameter names in scope (normalized), innermost last. */
  lambdaScopes: ReadonlySet<string>[] = [];

  /**
   * @param source the text the tokens' offsets index (slices of it become statement `text`).
   * @param mapSpan turns a span in `source` into a span in the user's script, when they differ
   *   (after variable substitution).
   * @param completing the input is the text before an editor's cursor: at its end, prefer reading a
   *   word as the keyword it could start (`FROM s EMIT|`) over reading it as a name.
   */
  constructor(
    readonly tokens: readonly Token[],
    readonly source: string,
    private readonly mapSpan?: (span: Span) => Span,
    readonly completing = false,
  ) {}

  /** True when completing and the token `k` ahead is the end of the input. */
  cursorAt(k: number): boolean {
    return this.completing && this.peek(k).kind === 'eof';
  }

  get tok(): Token {
    return this.at(this.pos);
  }

  at(i: number): Token {
    const t = this.tokens[i];
    if (t !== undefined) return t;
    const last = this.tokens[this.tokens.length - 1];
    if (last === undefined) throw new Error('token stream without eof');
    return last;
  }

  peek(k = 1): Token {
    return this.at(this.pos + k);
  }

  get prev(): Token {
    return this.at(this.pos - 1 < 0 ? 0 : this.pos - 1);
  }

  advance(): Token {
    const t = this.tok;
    if (t.kind !== 'eof') this.pos++;
    return t;
  }

  /** Records that `label` was acceptable at the current position. */
  expect(label: string): void {
    if (this.pos > this.furthest) {
      this.furthest = this.pos;
      this.expected.length = 0;
      this.expected.push(label);
    } else if (this.pos === this.furthest) {
      this.expected.push(label);
    }
  }

  resetExpectations(): void {
    this.furthest = -1;
    this.expected.length = 0;
  }

  /** The furthest token index where alternatives were tried, and those alternatives. */
  expectations(): { readonly index: number; readonly labels: readonly string[] } {
    return { index: this.furthest, labels: [...new Set(this.expected)] };
  }

  isKw(word: string, k = 0): boolean {
    const t = this.at(this.pos + k);
    return t.kind === 'word' && t.value === word;
  }

  isPunct(p: string, k = 0): boolean {
    const t = this.at(this.pos + k);
    return t.kind === 'punct' && t.value === p;
  }

  acceptKw(word: string): boolean {
    if (this.isKw(word)) {
      this.pos++;
      return true;
    }
    this.expect(word);
    return false;
  }

  expectKw(word: string): Token {
    if (!this.acceptKw(word)) this.fail();
    return this.prev;
  }

  acceptPunct(p: string): boolean {
    if (this.isPunct(p)) {
      this.pos++;
      return true;
    }
    this.expect(`'${p}'`);
    return false;
  }

  expectPunct(p: string): Token {
    if (!this.acceptPunct(p)) this.fail();
    return this.prev;
  }

  isIdentAt(k = 0): boolean {
    const t = this.at(this.pos + k);
    return t.kind === 'quoted' || (t.kind === 'word' && !RESERVED.has(t.value));
  }

  tryIdentifier(role: IdentRole): Identifier | undefined {
    if (this.isIdentAt()) {
      const t = this.advance();
      return {
        kind: 'Identifier',
        name: t.value,
        text: this.source.slice(t.start, t.end),
        span: this.tokenSpan(t),
      };
    }
    this.expect(`<${role}>`);
    return undefined;
  }

  identifier(role: IdentRole): Identifier {
    return this.tryIdentifier(role) ?? this.fail();
  }

  /** Enters one nesting level; fails cleanly past MAX_DEPTH. Callers restore `depth` when done. */
  deeper(): void {
    if (++this.depth > MAX_DEPTH) {
      throw new ParseAbort(
        this.diagnostic(
          this.tok,
          `nesting is too deep (more than ${MAX_DEPTH} levels); simplify the statement`,
        ),
      );
    }
  }

  /** Reports a syntax error at the furthest position reached and unwinds the statement. */
  fail(): never {
    const index = this.furthest >= this.pos ? this.furthest : this.pos;
    const t = this.at(index);
    if (t.kind === 'error') throw new ParseAbort(this.diagnostic(t, t.value));
    const labels = index === this.furthest ? [...new Set(this.expected)] : [];
    const found = t.kind === 'word' ? `'${this.source.slice(t.start, t.end)}'` : describeToken(t);
    const d = this.diagnostic(t, `${describeExpected(labels)} but found ${found}`);
    const prev = this.at(index > 0 ? index - 1 : 0);
    const before = this.tokenSpan({ ...prev, start: prev.end, line: prev.endLine, column: prev.endColumn });
    const fixes = syntaxFixes(labels, t, d.span, before);
    throw new ParseAbort(fixes ? { ...d, fixes } : d);
  }

  /** Reports a specific problem at `t` (e.g. an out-of-range number) and unwinds the statement. */
  failAt(t: Token, message: string): never {
    throw new ParseAbort(this.diagnostic(t, message));
  }

  diagnostic(t: Token, message: string): Diagnostic {
    const span = this.tokenSpan(t);
    return syntaxDiagnostic(span, message);
  }

  tokenSpan(t: Token): Span {
    const span = {
      start: t.start,
      end: t.end,
      startLine: t.line,
      startColumn: t.column,
      endLine: t.endLine,
      endColumn: t.endColumn,
    };
    return this.mapSpan ? this.mapSpan(span) : span;
  }

  /** Span from `first` to the last consumed token. */
  spanFrom(first: Token): Span {
    const last = this.pos > 0 ? this.prev : first;
    const end = last.end >= first.start ? last : first;
    const span = {
      start: first.start,
      end: end.end,
      startLine: first.line,
      startColumn: first.column,
      endLine: end.endLine,
      endColumn: end.endColumn,
    };
    return this.mapSpan ? this.mapSpan(span) : span;
  }

  /** Exact source text from `first` to the last consumed token. */
  textFrom(first: Token): string {
    return this.source.slice(first.start, this.prev.end);
  }
}

export function syntaxDiagnostic(span: Span, message: string): Diagnostic {
  return {
    severity: 'error',
    code: SYNTAX_ERROR_CODE,
    message: `Syntax Error at line ${span.startLine}, column ${span.startColumn}: ${message}`,
    span,
  };
}
