/**
 * A minimal JSON reader that keeps numbers as their source text, because EXTRACTJSONFIELD returns
 * `1.23450` for `1.23450` (Jackson with exact decimals), which JSON.parse cannot preserve. Objects
 * keep key order (Map). Invalid input returns undefined rather than throwing: every JSON function
 * maps bad JSON to NULL or false.
 */
export class JsonNumber {
  constructor(readonly text: string) {}
}

export type JsonValue = null | boolean | string | JsonNumber | JsonValue[] | Map<string, JsonValue>;

class Reader {
  pos = 0;
  constructor(readonly s: string) {}

  ws(): void {
    while (this.pos < this.s.length) {
      const c = this.s.charCodeAt(this.pos);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
      this.pos++;
    }
  }

  value(depth: number): JsonValue {
    if (depth > 500) throw new Error('too deep');
    this.ws();
    const c = this.s[this.pos];
    switch (c) {
      case '{':
        return this.object(depth);
      case '[':
        return this.array(depth);
      case '"':
        return this.string();
      case 't':
        return this.word('true', true);
      case 'f':
        return this.word('false', false);
      case 'n':
        return this.word('null', null);
      default:
        return this.number();
    }
  }

  word<T>(w: string, v: T): T {
    if (!this.s.startsWith(w, this.pos)) throw new Error('bad literal');
    this.pos += w.length;
    return v;
  }

  number(): JsonNumber {
    const m = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
    m.lastIndex = this.pos;
    const r = m.exec(this.s);
    if (!r) throw new Error('bad number');
    this.pos += r[0].length;
    return new JsonNumber(r[0]);
  }

  string(): string {
    const start = ++this.pos;
    const end = this.s.indexOf('"', start);
    if (end < 0) throw new Error('unterminated string');
    const raw = this.s.slice(start, end);
    if (!raw.includes('\\')) {
      this.pos = end + 1;
      return raw;
    }
    // Escapes present: find the real end (an unescaped quote) and let JSON.parse decode it.
    let i = start;
    for (;;) {
      const c = this.s[i];
      if (c === undefined) throw new Error('unterminated string');
      if (c === '\\') i += 2;
      else if (c === '"') break;
      else i++;
    }
    this.pos = i + 1;
    return JSON.parse(this.s.slice(start - 1, i + 1)) as string;
  }

  array(depth: number): JsonValue[] {
    this.pos++;
    const out: JsonValue[] = [];
    this.ws();
    if (this.s[this.pos] === ']') {
      this.pos++;
      return out;
    }
    for (;;) {
      out.push(this.value(depth + 1));
      this.ws();
      const c = this.s[this.pos++];
      if (c === ']') return out;
      if (c !== ',') throw new Error('expected , or ]');
    }
  }

  object(depth: number): Map<string, JsonValue> {
    this.pos++;
    const out = new Map<string, JsonValue>();
    this.ws();
    if (this.s[this.pos] === '}') {
      this.pos++;
      return out;
    }
    for (;;) {
      this.ws();
      if (this.s[this.pos] !== '"') throw new Error('expected key');
      const k = this.string();
      this.ws();
      if (this.s[this.pos++] !== ':') throw new Error('expected :');
      out.set(k, this.value(depth + 1));
      this.ws();
      const c = this.s[this.pos++];
      if (c === '}') return out;
      if (c !== ',') throw new Error('expected , or }');
    }
  }
}

/**
 * Parses one JSON document; undefined if the text is not valid JSON. With `allowTrailing`, text
 * after the first complete value is ignored, as Jackson's readTree does for EXTRACTJSONFIELD.
 */
export function parseJsonTree(text: string, allowTrailing = false): JsonValue | undefined {
  const r = new Reader(text);
  try {
    const v = r.value(0);
    r.ws();
    return r.pos === text.length || allowTrailing ? v : undefined;
  } catch {
    return undefined;
  }
}

/** Compact serialization (Jackson's JsonNode.toString). */
export function stringifyJsonTree(v: JsonValue): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'string') return JSON.stringify(v);
  if (v instanceof JsonNumber) return v.text;
  if (Array.isArray(v)) return `[${v.map(stringifyJsonTree).join(',')}]`;
  return `{${[...v].map(([k, x]) => `${JSON.stringify(k)}:${stringifyJsonTree(x)}`).join(',')}}`;
}
