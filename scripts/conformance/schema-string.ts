/**
 * Normalizes ksqlDB schema strings (QTT `post.sources[].schema`, and Kappa's `formatSchema`) to one
 * canonical form, so they compare the way ksqlDB compares parsed schemas: unquoted names upper-cased,
 * type aliases resolved (INT → INTEGER, VARCHAR → STRING), `KEY` and `PRIMARY KEY` alike, spacing
 * and quoting irrelevant. `ID int key, `v` varchar` → `` `ID` INTEGER KEY, `v` STRING ``.
 */
const TYPE_ALIASES: Record<string, string> = { INT: 'INTEGER', VARCHAR: 'STRING' };

type Token =
  | { readonly kind: 'name'; readonly text: string; readonly quoted: boolean }
  | { readonly kind: 'punct'; readonly text: string };

export class SchemaStringError extends Error {
  override readonly name = 'SchemaStringError';
}

export function normalizeSchema(schema: string): string {
  return normalizeColumns(schema).join(', ');
}

/** The normalized columns of a schema string, one string per column. */
export function normalizeColumns(schema: string): string[] {
  const p = new Parser(tokenize(schema));
  const columns: string[] = [];
  if (p.done()) return columns;
  for (;;) {
    columns.push(p.column());
    if (p.done()) return columns;
    p.expect(',');
  }
}

/** The first difference between two schema strings, or undefined when they are the same schema. */
export function schemaDifference(expected: string, actual: string): string | undefined {
  const want = normalizeColumns(expected);
  const got = normalizeColumns(actual);
  for (let i = 0; i < Math.max(want.length, got.length); i++) {
    if (want[i] !== got[i]) {
      const counts =
        want.length === got.length ? '' : ` (${want.length} columns expected, got ${got.length})`;
      return `column ${i + 1}: expected ${want[i] ?? 'nothing'}, got ${got[i] ?? 'nothing'}${counts}; whole schema: ${got.join(', ')}`;
    }
  }
  return undefined;
}

function tokenize(s: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s.charAt(i);
    if (/\s/.test(c)) i++;
    else if (c === '`' || c === "'") {
      let text = '';
      i++;
      for (;;) {
        if (i >= s.length) throw new SchemaStringError(`unterminated ${c} in ${s}`);
        if (s[i] === c && s[i + 1] === c) {
          text += c;
          i += 2;
        } else if (s[i] === c) {
          i++;
          break;
        } else text += s[i++];
      }
      out.push({ kind: 'name', text: c === "'" ? `'${text}'` : text, quoted: true });
    } else if (/[A-Za-z0-9_$@]/.test(c)) {
      const m = /^[A-Za-z0-9_$@.]+/.exec(s.slice(i))?.[0] ?? c;
      out.push({ kind: 'name', text: m, quoted: false });
      i += m.length;
    } else {
      out.push({ kind: 'punct', text: c });
      i++;
    }
  }
  return out;
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  done(): boolean {
    return this.pos >= this.tokens.length;
  }

  private next(): Token {
    const t = this.tokens[this.pos++];
    if (t === undefined) throw new SchemaStringError('unexpected end of schema');
    return t;
  }

  private peekWord(): string | undefined {
    const t = this.tokens[this.pos];
    return t?.kind === 'name' && !t.quoted ? t.text.toUpperCase() : undefined;
  }

  private peekPunct(text: string): boolean {
    const t = this.tokens[this.pos];
    return t?.kind === 'punct' && t.text === text;
  }

  expect(text: string): void {
    const t = this.next();
    if (t.kind !== 'punct' || t.text !== text)
      throw new SchemaStringError(`expected '${text}', got '${t.text}'`);
  }

  private name(): string {
    const t = this.next();
    if (t.kind !== 'name') throw new SchemaStringError(`expected a name, got '${t.text}'`);
    return `\`${t.quoted ? t.text : t.text.toUpperCase()}\``;
  }

  column(): string {
    const parts = [this.name(), this.type()];
    const w = this.peekWord();
    if (w === 'PRIMARY') {
      this.pos += 2;
      parts.push('KEY');
    } else if (w === 'KEY' || w === 'HEADERS') {
      this.pos++;
      parts.push(w);
    } else if (w === 'HEADER') {
      this.pos++;
      this.expect('(');
      parts.push(`HEADER(${this.next().text})`);
      this.expect(')');
    }
    return parts.join(' ');
  }

  type(): string {
    const word = this.peekWord();
    if (word === undefined) throw new SchemaStringError('expected a type');
    this.pos++;
    const base = TYPE_ALIASES[word] ?? word;
    if (base === 'DECIMAL' && this.peekPunct('(')) {
      this.pos++;
      const precision = this.next().text;
      this.expect(',');
      const scale = this.next().text;
      this.expect(')');
      return `DECIMAL(${precision}, ${scale})`;
    }
    if (base === 'ARRAY') {
      this.expect('<');
      const element = this.type();
      this.expect('>');
      return `ARRAY<${element}>`;
    }
    if (base === 'MAP') {
      this.expect('<');
      const key = this.type();
      this.expect(',');
      const value = this.type();
      this.expect('>');
      return `MAP<${key}, ${value}>`;
    }
    if (base === 'STRUCT') {
      this.expect('<');
      const fields: string[] = [];
      while (!this.peekPunct('>')) {
        if (fields.length > 0) this.expect(',');
        fields.push(`${this.name()} ${this.type()}`);
      }
      this.expect('>');
      return `STRUCT<${fields.join(', ')}>`;
    }
    return base;
  }
}
