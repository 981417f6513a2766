/**
 * ksqlDB's type text (as the catalog sends it: `ARRAY<STRUCT<A INT, B STRING>>`, `DECIMAL(10, 2)`)
 * read into a small tree, for forms and value formatting in the browser.
 */
export type TypeTree =
  | {
      readonly kind:
        'BOOLEAN' | 'INTEGER' | 'BIGINT' | 'DOUBLE' | 'STRING' | 'BYTES' | 'TIMESTAMP' | 'DATE' | 'TIME';
    }
  | { readonly kind: 'DECIMAL'; readonly precision: number; readonly scale: number }
  | { readonly kind: 'ARRAY'; readonly element: TypeTree }
  | { readonly kind: 'MAP'; readonly key: TypeTree; readonly value: TypeTree }
  | {
      readonly kind: 'STRUCT';
      readonly fields: readonly { readonly name: string; readonly type: TypeTree }[];
    }
  | { readonly kind: 'UNKNOWN'; readonly text: string };

const SIMPLE: Record<string, TypeTree['kind']> = {
  BOOLEAN: 'BOOLEAN',
  INT: 'INTEGER',
  INTEGER: 'INTEGER',
  BIGINT: 'BIGINT',
  DOUBLE: 'DOUBLE',
  VARCHAR: 'STRING',
  STRING: 'STRING',
  BYTES: 'BYTES',
  TIMESTAMP: 'TIMESTAMP',
  DATE: 'DATE',
  TIME: 'TIME',
};

class Reader {
  private i = 0;
  constructor(private readonly s: string) {}
  private space(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i] ?? '')) this.i++;
  }
  peek(): string {
    this.space();
    return this.s[this.i] ?? '';
  }
  eat(c: string): boolean {
    if (this.peek() !== c) return false;
    this.i++;
    return true;
  }
  word(): string {
    this.space();
    if (this.s[this.i] === '`') {
      const close = this.s.indexOf('`', this.i + 1);
      const name = this.s.slice(this.i + 1, close < 0 ? undefined : close);
      this.i = close < 0 ? this.s.length : close + 1;
      return name;
    }
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.s.slice(this.i));
    this.i += m?.[0].length ?? 0;
    return m?.[0] ?? '';
  }
  number(): number {
    this.space();
    const m = /^\d+/.exec(this.s.slice(this.i));
    this.i += m?.[0].length ?? 0;
    return Number(m?.[0] ?? 0);
  }
  get done(): boolean {
    this.space();
    return this.i >= this.s.length;
  }
}

function read(r: Reader): TypeTree {
  const word = r.word().toUpperCase();
  const simple = SIMPLE[word];
  if (simple && simple !== 'DECIMAL') return { kind: simple } as TypeTree;
  switch (word) {
    case 'DECIMAL': {
      if (!r.eat('(')) return { kind: 'DECIMAL', precision: 10, scale: 0 };
      const precision = r.number();
      const scale = r.eat(',') ? r.number() : 0;
      r.eat(')');
      return { kind: 'DECIMAL', precision, scale };
    }
    case 'ARRAY': {
      r.eat('<');
      const element = read(r);
      r.eat('>');
      return { kind: 'ARRAY', element };
    }
    case 'MAP': {
      r.eat('<');
      const key = read(r);
      r.eat(',');
      const value = read(r);
      r.eat('>');
      return { kind: 'MAP', key, value };
    }
    case 'STRUCT': {
      r.eat('<');
      const fields: { name: string; type: TypeTree }[] = [];
      while (r.peek() !== '>' && r.peek() !== '') {
        const name = r.word();
        if (!name) break;
        fields.push({ name, type: read(r) });
        if (!r.eat(',')) break;
      }
      r.eat('>');
      return { kind: 'STRUCT', fields };
    }
    default:
      return { kind: 'UNKNOWN', text: word };
  }
}

export function parseKsqlType(text: string): TypeTree {
  const r = new Reader(text);
  const tree = read(r);
  return r.done ? tree : { kind: 'UNKNOWN', text };
}

export function isNumericKind(t: TypeTree): boolean {
  return t.kind === 'INTEGER' || t.kind === 'BIGINT' || t.kind === 'DOUBLE' || t.kind === 'DECIMAL';
}
