/**
 * CSV as ksqlDB's DELIMITED format reads and writes it: Apache Commons CSV's `CSVFormat.DEFAULT`
 * with a configurable delimiter (quote `"`, quotes doubled inside quoted fields, no escape
 * character, blanks kept, empty lines skipped, records ended by CR, LF or CRLF).
 *
 * Parsing follows Commons CSV's lexer, including its errors: text after a closing quote other than
 * blanks, and end of input inside quotes. Printing follows its MINIMAL quote mode in the version
 * ksqlDB ships: a record's first field is quoted unless it starts with an ASCII letter or digit
 * (so a leading `-1` becomes `"-1"`); any field is quoted if it is empty and first, starts with a
 * character up to `#`, ends with one up to a space, or holds the delimiter, a quote, CR or LF.
 * A null field prints as nothing and is never quoted.
 */
const CR = 13;
const LF = 10;
const QUOTE = 34;
const EOF = -1;
const UNDEFINED = -2;

export class CsvSyntaxError extends Error {
  override readonly name = 'CsvSyntaxError';
}

/** All records of `text` (fields as strings; Commons CSV never yields null fields here). */
export function parseCsv(text: string, delimiter: number): string[][] {
  const lexer = new Lexer(text, delimiter);
  const records: string[][] = [];
  for (;;) {
    const fields: string[] = [];
    let kind: TokenKind;
    do {
      kind = lexer.nextToken();
      if (kind === 'TOKEN' || kind === 'EORECORD' || (kind === 'EOF' && lexer.ready))
        fields.push(lexer.content);
    } while (kind === 'TOKEN');
    if (fields.length === 0) return records;
    records.push(fields);
    if (kind === 'EOF') return records;
  }
}

type TokenKind = 'TOKEN' | 'EORECORD' | 'EOF';

class Lexer {
  private pos = 0;
  private last = UNDEFINED;
  content = '';
  ready = false;

  constructor(
    private readonly text: string,
    private readonly delimiter: number,
  ) {}

  private read(): number {
    this.last = this.pos < this.text.length ? this.text.charCodeAt(this.pos++) : EOF;
    return this.last;
  }

  private peek(): number {
    return this.pos < this.text.length ? this.text.charCodeAt(this.pos) : EOF;
  }

  /** True for CR, LF or CRLF (consuming the LF of a CRLF). */
  private endOfLine(c: number): boolean {
    if (c === CR && this.peek() === LF) this.read();
    return c === LF || c === CR;
  }

  nextToken(): TokenKind {
    this.content = '';
    this.ready = false;
    let lastChar = this.last;
    let c = this.read();
    let eol = this.endOfLine(c);
    while (eol && (lastChar === LF || lastChar === CR || lastChar === UNDEFINED)) {
      lastChar = c;
      c = this.read();
      eol = this.endOfLine(c);
      if (c === EOF) return 'EOF';
    }
    if (lastChar === EOF || (lastChar !== this.delimiter && c === EOF)) return 'EOF';
    if (c === this.delimiter) return 'TOKEN';
    if (eol) return 'EORECORD';
    if (c === QUOTE) return this.encapsulated();
    if (c === EOF) {
      this.ready = true;
      return 'EOF';
    }
    return this.simple();
  }

  private simple(): TokenKind {
    const start = this.pos - 1;
    const t = this.text;
    for (let i = start; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c === this.delimiter || c === CR || c === LF) {
        this.content = t.slice(start, i);
        this.pos = i;
        const next = this.read();
        return next === this.delimiter ? 'TOKEN' : (this.endOfLine(next), 'EORECORD');
      }
    }
    this.content = t.slice(start);
    this.pos = t.length;
    this.last = EOF;
    this.ready = true;
    return 'EOF';
  }

  private encapsulated(): TokenKind {
    const t = this.text;
    let out = '';
    let start = this.pos;
    for (;;) {
      const q = t.indexOf('"', this.pos);
      if (q < 0) throw new CsvSyntaxError('EOF reached before encapsulated token finished');
      out += t.slice(start, q);
      this.pos = q + 1;
      if (this.peek() === QUOTE) {
        out += '"';
        this.pos++;
        start = this.pos;
        continue;
      }
      this.content = out;
      for (;;) {
        const c = this.read();
        if (c === this.delimiter) return 'TOKEN';
        if (c === EOF) {
          this.ready = true;
          return 'EOF';
        }
        if (this.endOfLine(c)) return 'EORECORD';
        if (!isJavaWhitespace(c))
          throw new CsvSyntaxError('invalid char between encapsulated token and delimiter');
      }
    }
  }
}

/** Character.isWhitespace for the characters that can follow a closing quote. */
function isJavaWhitespace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    (c >= 0x1c && c <= 0x1f) ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x2006) ||
    (c >= 0x2008 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x205f ||
    c === 0x3000
  );
}

function isAsciiAlphanumeric(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function needsQuotes(value: string, first: boolean, delimiter: number): boolean {
  const len = value.length;
  if (len === 0) return first;
  const c = value.charCodeAt(0);
  if (first && !isAsciiAlphanumeric(c)) return true;
  if (c <= 0x23) return true;
  for (let i = 0; i < len; i++) {
    const ch = value.charCodeAt(i);
    if (ch === LF || ch === CR || ch === QUOTE || ch === delimiter) return true;
  }
  return value.charCodeAt(len - 1) <= 0x20;
}

const QUOTES = /"/g;

/** One record as text (without a line end). */
export function formatCsv(fields: readonly (string | null)[], delimiter: string): string {
  const code = delimiter.charCodeAt(0);
  let out = '';
  for (let i = 0; i < fields.length; i++) {
    if (i > 0) out += delimiter;
    const f = fields[i];
    if (f === null || f === undefined) continue;
    out += needsQuotes(f, i === 0, code) ? `"${f.replace(QUOTES, '""')}"` : f;
  }
  return out;
}
