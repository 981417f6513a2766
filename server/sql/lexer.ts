import type { Token, TokenKind } from './token';

/** Reports each comment's range; used by completion to stay quiet inside comments. */
export interface LexOptions {
  readonly onComment?: (start: number, end: number) => void;
}

const enum C {
  TAB = 9,
  LF = 10,
  CR = 13,
  SPACE = 32,
  BANG = 33,
  DQUOTE = 34,
  DOLLAR = 36,
  PERCENT = 37,
  QUOTE = 39,
  LPAREN = 40,
  RPAREN = 41,
  STAR = 42,
  PLUS = 43,
  COMMA = 44,
  MINUS = 45,
  DOT = 46,
  SLASH = 47,
  D0 = 48,
  D9 = 57,
  COLON = 58,
  SEMI = 59,
  LT = 60,
  EQ = 61,
  GT = 62,
  AT = 64,
  UA = 65,
  UE = 69,
  UZ = 90,
  LBRACKET = 91,
  RBRACKET = 93,
  UNDERSCORE = 95,
  BACKTICK = 96,
  LA = 97,
  LE = 101,
  LZ = 122,
  LBRACE = 123,
  PIPE = 124,
  RBRACE = 125,
}

function isDigit(c: number): boolean {
  return c >= C.D0 && c <= C.D9;
}
function isLetter(c: number): boolean {
  return (c >= C.UA && c <= C.UZ) || (c >= C.LA && c <= C.LZ);
}
/** ksqlDB's identifier characters: letters, digits, `_` and `@`. */
export function isIdentPart(c: number): boolean {
  return isLetter(c) || isDigit(c) || c === C.UNDERSCORE || c === C.AT;
}
export function isIdentStart(c: number): boolean {
  return isLetter(c) || c === C.UNDERSCORE;
}

/**
 * Splits SQL text into tokens following ksqlDB's lexical rules. Never throws: bad input becomes an
 * `error` token (whose value is the message) and lexing continues after it. The last token is `eof`.
 */
export function lex(text: string, options: LexOptions = {}): Token[] {
  const next = tokenizer(text, options);
  const tokens: Token[] = [];
  for (;;) {
    const t = next();
    tokens.push(t);
    if (t.kind === 'eof') return tokens;
  }
}

/**
 * Incremental form of `lex`: each call returns the next token, then `eof` forever. Lets a script be
 * parsed statement by statement without holding every token of a large script at once.
 */
export function tokenizer(text: string, options: LexOptions = {}): () => Token {
  const n = text.length;
  let pos = 0;
  let line = 1;
  let lineStart = 0;
  let tokStart = 0;
  let tokLine = 1;
  let tokCol = 1;

  const make = (kind: TokenKind, value: string): Token => ({
    kind,
    value,
    start: tokStart,
    end: pos,
    line: tokLine,
    column: tokCol,
    endLine: line,
    endColumn: pos - lineStart + 1,
  });
  // Advances over a run that may contain line breaks, keeping line bookkeeping right.
  const advanceTo = (target: number): void => {
    for (let i = pos; i < target; i++) {
      if (text.charCodeAt(i) === C.LF) {
        line++;
        lineStart = i + 1;
      }
    }
    pos = target;
  };
  // Quoted run with doubled-quote escapes; returns the unescaped content or undefined if unterminated.
  const quoted = (q: number): string | undefined => {
    let out = '';
    let segStart = pos + 1;
    let i = pos + 1;
    for (;;) {
      const close = text.indexOf(String.fromCharCode(q), i);
      if (close < 0) {
        advanceTo(n);
        return undefined;
      }
      if (text.charCodeAt(close + 1) === q) {
        out += text.slice(segStart, close + 1);
        i = close + 2;
        segStart = i;
        continue;
      }
      out += text.slice(segStart, close);
      advanceTo(close + 1);
      return out;
    }
  };

  return function next(): Token {
    while (pos < n) {
      const c = text.charCodeAt(pos);
      // A byte-order mark is whitespace: editors and files on Windows often start with one.
      if (c === C.SPACE || c === C.TAB || c === C.CR || c === 0xfeff) {
        pos++;
        continue;
      }
      if (c === C.LF) {
        pos++;
        line++;
        lineStart = pos;
        continue;
      }
      tokStart = pos;
      tokLine = line;
      tokCol = pos - lineStart + 1;

      if (c === C.MINUS && text.charCodeAt(pos + 1) === C.MINUS) {
        let end = text.indexOf('\n', pos);
        if (end < 0) end = n;
        options.onComment?.(pos, end);
        pos = end;
        continue;
      }
      if (c === C.SLASH && text.charCodeAt(pos + 1) === C.STAR) {
        const close = text.indexOf('*/', pos + 2);
        if (close < 0) {
          options.onComment?.(pos, n);
          advanceTo(n);
          return make('error', 'unterminated comment: missing */');
        }
        options.onComment?.(pos, close + 2);
        advanceTo(close + 2);
        continue;
      }
      if (isIdentStart(c)) {
        let i = pos + 1;
        while (i < n && isIdentPart(text.charCodeAt(i))) i++;
        pos = i;
        return make('word', text.slice(tokStart, i).toUpperCase());
      }
      if (isDigit(c) || (c === C.DOT && isDigit(text.charCodeAt(pos + 1)))) return lexNumber();
      if (c === C.QUOTE) {
        const v = quoted(C.QUOTE);
        return make(
          v === undefined ? 'error' : 'string',
          v ?? 'unterminated string literal: missing closing quote',
        );
      }
      if (c === C.BACKTICK || c === C.DQUOTE) {
        const v = quoted(c);
        if (v === undefined) return make('error', 'unterminated quoted identifier');
        if (v.length === 0) return make('error', 'empty quoted identifier');
        return make('quoted', v);
      }
      if (c === C.DOLLAR && text.charCodeAt(pos + 1) === C.LBRACE) {
        let i = pos + 2;
        if (i < n && isIdentStart(text.charCodeAt(i))) {
          while (i < n && isIdentPart(text.charCodeAt(i))) i++;
          if (text.charCodeAt(i) === C.RBRACE) {
            pos = i + 1;
            return make('variable', text.slice(tokStart + 2, i));
          }
        }
        pos += 2;
        return make('error', 'malformed variable reference: expected ${name}');
      }
      const p = punct(c, text.charCodeAt(pos + 1));
      if (p !== undefined) {
        pos += p.length;
        return make('punct', p);
      }
      const cp = text.codePointAt(pos) ?? c;
      pos += cp > 0xffff ? 2 : 1;
      return make('error', `unexpected character '${String.fromCodePoint(cp)}'`);
    }
    tokStart = pos;
    tokLine = line;
    tokCol = pos - lineStart + 1;
    return make('eof', '');
  };

  // INTEGER `12`, DECIMAL `1.5` / `.5` / `1.`, FLOAT `1e5` / `1.5E-3`; a digit-led run of identifier
  // characters that is longer than the number (`1abc`) is an identifier, as in ksqlDB.
  function lexNumber(): Token {
    let i = pos;
    while (isDigit(text.charCodeAt(i))) i++;
    const intEnd = i;
    let kind: TokenKind = 'integer';
    if (text.charCodeAt(i) === C.DOT) {
      kind = 'decimal';
      i++;
      while (isDigit(text.charCodeAt(i))) i++;
    }
    const e = text.charCodeAt(i);
    if (e === C.UE || e === C.LE) {
      let j = i + 1;
      const s = text.charCodeAt(j);
      if (s === C.PLUS || s === C.MINUS) j++;
      if (isDigit(text.charCodeAt(j))) {
        while (isDigit(text.charCodeAt(j))) j++;
        kind = 'float';
        i = j;
      }
    }
    if (intEnd > pos) {
      let k = intEnd;
      while (k < n && isIdentPart(text.charCodeAt(k))) k++;
      if (k > i && k > intEnd) {
        pos = k;
        return make('word', text.slice(tokStart, k).toUpperCase());
      }
    }
    pos = i;
    return make(kind, text.slice(tokStart, i));
  }
}

function punct(c: number, next: number): string | undefined {
  switch (c) {
    case C.LPAREN:
      return '(';
    case C.RPAREN:
      return ')';
    case C.COMMA:
      return ',';
    case C.SEMI:
      return ';';
    case C.DOT:
      return '.';
    case C.STAR:
      return '*';
    case C.PLUS:
      return '+';
    case C.MINUS:
      return next === C.GT ? '->' : '-';
    case C.SLASH:
      return '/';
    case C.PERCENT:
      return '%';
    case C.LBRACKET:
      return '[';
    case C.RBRACKET:
      return ']';
    case C.PIPE:
      return next === C.PIPE ? '||' : undefined;
    case C.EQ:
      return next === C.GT ? '=>' : '=';
    case C.BANG:
      return next === C.EQ ? '!=' : undefined;
    case C.LT:
      return next === C.EQ ? '<=' : next === C.GT ? '<>' : '<';
    case C.GT:
      return next === C.EQ ? '>=' : '>';
    case C.COLON:
      return next === C.EQ ? ':=' : undefined;
    default:
      return undefined;
  }
}
