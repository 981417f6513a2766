import type { Diagnostic } from '../../lib/contracts/diagnostics';
import type { Span } from '../../lib/contracts/span';
import type { ColumnDef, Statement } from './ast-statement';
import type { Expression } from './ast-expression';
import type { TypeNode } from './ast-type';
import { lex, tokenizer } from './lexer';
import { LineIndex } from './line-index';
import { parseColumnDefs } from './parse-ddl';
import { parseExpression as parseExpr } from './parse-expression';
import { parseStatementBody } from './parse-statement';
import { parseType as parseTypeNode } from './parse-type';
import { ParseAbort, Parser, syntaxDiagnostic } from './parser';
import type { Token } from './token';
import { substituteVariables, variableMap } from './variables';

export interface ParseOptions {
  /** Session variables for `${name}` substitution (names are case-insensitive). */
  readonly variables?: Readonly<Record<string, string>>;
}

export interface ScriptParseResult {
  /** Statements that parsed, in script order; spans are relative to the script text. */
  readonly statements: readonly Statement[];
  /** Every problem found, in script order; a statement with an error is left out of `statements`. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Parses a script of `;`-separated statements (the last `;` may be omitted). Never throws: each
 * statement that fails yields a diagnostic and parsing resumes after its `;`. DEFINE and UNDEFINE
 * statements affect the variables seen by the statements after them, as in a ksqlDB session.
 */
export function parseScript(text: string, options: ParseOptions = {}): ScriptParseResult {
  const next = tokenizer(text);
  const statements: Statement[] = [];
  const diagnostics: Diagnostic[] = [];
  const vars = variableMap(options.variables);
  let lines: LineIndex | undefined;
  for (;;) {
    // One statement's tokens, its `;` included; lexed lazily so a large script stays cheap.
    const chunk: Token[] = [];
    let needsVars = false;
    let end: Token;
    for (;;) {
      const t = next();
      if (t.kind === 'eof' || (t.kind === 'punct' && t.value === ';')) {
        end = t;
        break;
      }
      if (t.kind === 'variable' || ((t.kind === 'string' || t.kind === 'quoted') && t.value.includes('${'))) {
        needsVars = true;
      }
      chunk.push(t);
    }
    if (chunk.length > 0) {
      if (end.kind !== 'eof') chunk.push(end);
      let result: Statement | Diagnostic | undefined;
      if (needsVars) {
        lines ??= new LineIndex(text);
        result = parseSubstituted(text, chunk, vars, lines, diagnostics);
      } else {
        chunk.push(eofAfter(chunk));
        result = parseOne(new Parser(chunk, text));
      }
      if (result !== undefined) {
        if ('kind' in result) {
          statements.push(result);
          if (result.kind === 'DefineVariableStmt') vars.set(result.name.name, result.value);
          else if (result.kind === 'UndefineVariableStmt') vars.delete(result.name.name);
        } else diagnostics.push(result);
      }
    }
    if (end.kind === 'eof') break;
  }
  return { statements, diagnostics };
}

function eofAfter(chunk: readonly Token[]): Token {
  const last = chunk[chunk.length - 1];
  const at = last?.end ?? 0;
  const line = last?.endLine ?? 1;
  const column = last?.endColumn ?? 1;
  return { kind: 'eof', value: '', start: at, end: at, line, column, endLine: line, endColumn: column };
}

function parseSubstituted(
  text: string,
  chunk: readonly Token[],
  vars: ReadonlyMap<string, string>,
  lines: LineIndex,
  diagnostics: Diagnostic[],
): Statement | Diagnostic | undefined {
  const from = chunk[0]?.start ?? 0;
  const to = chunk[chunk.length - 1]?.end ?? from;
  const sub = substituteVariables(text, from, to, vars, lines);
  if (sub.diagnostics.length > 0) {
    diagnostics.push(...sub.diagnostics);
    return undefined;
  }
  const mapSpan = (s: Span): Span => lines.span(sub.toOriginal(s.start, false), sub.toOriginal(s.end, true));
  const tokens = lex(sub.text);
  return parseOne(new Parser(tokens, sub.text, mapSpan));
}

/** One statement followed by `;` or end of input. */
function parseOne(p: Parser): Statement | Diagnostic {
  const r = guard(p, () => {
    const stmt = parseStatementBody(p);
    if (!p.acceptPunct(';') && p.tok.kind !== 'eof') p.fail();
    if (p.tok.kind !== 'eof') p.fail();
    return stmt;
  });
  return 'value' in r ? r.value : r.diagnostic;
}

/** Runs a parse, turning every failure (even an unexpected one) into a diagnostic. */
function guard<T>(p: Parser, run: () => T): { value: T } | { diagnostic: Diagnostic } {
  try {
    return { value: run() };
  } catch (e) {
    if (e instanceof ParseAbort) return { diagnostic: e.diagnostic };
    const reason =
      e instanceof RangeError ? 'statement is too complex to parse' : `internal parser error: ${String(e)}`;
    return { diagnostic: syntaxDiagnostic(p.tokenSpan(p.tok), reason) };
  }
}

export interface StatementParseResult {
  /** Set when the text holds exactly one statement and it parsed without errors. */
  readonly statement: Statement | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/** Parses text that should hold exactly one statement (a trailing `;` is optional). */
export function parseStatement(text: string, options: ParseOptions = {}): StatementParseResult {
  const r = parseScript(text, options);
  const diagnostics = [...r.diagnostics];
  const second = r.statements[1];
  if (second !== undefined) diagnostics.push(syntaxDiagnostic(second.span, 'expected a single statement'));
  if (r.statements.length === 0 && diagnostics.length === 0) {
    diagnostics.push(
      syntaxDiagnostic(new LineIndex(text).span(text.length, text.length), 'expected a statement'),
    );
  }
  return { statement: diagnostics.length === 0 ? r.statements[0] : undefined, diagnostics };
}

function parseWhole<T>(
  text: string,
  run: (p: Parser) => T,
): { value: T | undefined; diagnostics: Diagnostic[] } {
  const p = new Parser(lex(text), text);
  const r = guard(p, () => {
    const v = run(p);
    if (p.tok.kind !== 'eof') {
      p.expect('<eof>');
      p.fail();
    }
    return v;
  });
  return 'value' in r
    ? { value: r.value, diagnostics: [] }
    : { value: undefined, diagnostics: [r.diagnostic] };
}

export function parseExpression(text: string): {
  expression: Expression | undefined;
  diagnostics: Diagnostic[];
} {
  const r = parseWhole(text, parseExpr);
  return { expression: r.value, diagnostics: r.diagnostics };
}

/** Parses a type such as `DECIMAL(10, 2)` or ``STRUCT<`A` INT, B ARRAY<STRING>>``. */
export function parseType(text: string): { type: TypeNode | undefined; diagnostics: Diagnostic[] } {
  const r = parseWhole(text, parseTypeNode);
  return { type: r.value, diagnostics: r.diagnostics };
}

/** Parses a schema string such as `` `ID` BIGINT KEY, `V` STRING `` (column definitions, no parentheses). */
export function parseColumnList(text: string): {
  columns: ColumnDef[] | undefined;
  diagnostics: Diagnostic[];
} {
  const r = parseWhole(text, parseColumnDefs);
  return { columns: r.value, diagnostics: r.diagnostics };
}
