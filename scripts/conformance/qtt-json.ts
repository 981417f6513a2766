/**
 * A JSON reader for QTT files and for the JSON records the engine writes.
 *
 * Why not `JSON.parse`: numbers must keep their text. QTT files hold BIGINT values beyond 2^53
 * (Long.MAX_VALUE) and DECIMAL(38, x) values that a double would round, and ksqlDB's own runner
 * reads them exactly (Jackson with BigDecimal). So every number becomes a `JsonNumber` holding its
 * text, and comparisons are exact. It also skips `//` line comments, which some QTT files carry.
 */

/** A JSON number, kept as written. */
export class JsonNumber {
  constructor(readonly text: string) {}

  toNumber(): number {
    return Number(this.text);
  }
}

export type Json = null | boolean | string | JsonNumber | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

/**
 * Field order as written. JavaScript lists integer-like keys ("12", "123") first and ascending
 * whatever the text says; Jackson keeps document order, and some functions over maps (REDUCE,
 * TRANSFORM with colliding keys) depend on it. `writeJson` follows this order when present.
 */
const FIELD_ORDER = Symbol('fieldOrder');
type Ordered = JsonObject & { [FIELD_ORDER]?: string[] };

export class JsonReadError extends Error {
  override readonly name = 'JsonReadError';
}

export function isJsonObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof JsonNumber);
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};
const MAX_DEPTH = 1000;

/** Parses one JSON document; `//` comments are allowed wherever whitespace is. */
export function readJson(text: string): Json {
  const r = new Reader(text);
  const value = r.value(0);
  r.skip();
  if (r.pos < text.length) r.fail('unexpected text after the document');
  return value;
}

class Reader {
  pos = 0;
  constructor(private readonly text: string) {}

  fail(message: string): never {
    const before = this.text.slice(0, this.pos);
    const line = before.split('\n').length;
    throw new JsonReadError(`${message} at line ${line}, column ${this.pos - before.lastIndexOf('\n')}`);
  }

  skip(): void {
    const t = this.text;
    for (;;) {
      const c = t[this.pos];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') this.pos++;
      else if (c === '/' && t[this.pos + 1] === '/') {
        const nl = t.indexOf('\n', this.pos);
        this.pos = nl < 0 ? t.length : nl;
      } else return;
    }
  }

  value(depth: number): Json {
    if (depth > MAX_DEPTH) this.fail('nesting too deep');
    this.skip();
    const c = this.text[this.pos];
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"') return this.string();
    for (const [word, v] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return v;
      }
    }
    NUMBER.lastIndex = this.pos;
    const m = NUMBER.exec(this.text);
    if (m === null) this.fail(c === undefined ? 'unexpected end of input' : `unexpected character '${c}'`);
    this.pos += m[0].length;
    return new JsonNumber(m[0]);
  }

  private object(depth: number): JsonObject {
    this.pos++;
    // Defined properties, not assignment: a "__proto__" field must stay a plain field.
    const obj: Ordered = {};
    const order: string[] = [];
    Object.defineProperty(obj, FIELD_ORDER, { value: order, enumerable: false });
    this.skip();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return obj;
    }
    for (;;) {
      this.skip();
      if (this.text[this.pos] !== '"') this.fail('expected a field name');
      const key = this.string();
      this.skip();
      if (this.text[this.pos] !== ':') this.fail("expected ':'");
      this.pos++;
      const value = this.value(depth + 1);
      if (!Object.hasOwn(obj, key)) order.push(key);
      Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
      this.skip();
      const c = this.text[this.pos++];
      if (c === '}') return obj;
      if (c !== ',') this.fail("expected ',' or '}'");
    }
  }

  private array(depth: number): Json[] {
    this.pos++;
    const out: Json[] = [];
    this.skip();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return out;
    }
    for (;;) {
      out.push(this.value(depth + 1));
      this.skip();
      const c = this.text[this.pos++];
      if (c === ']') return out;
      if (c !== ',') this.fail("expected ',' or ']'");
    }
  }

  private string(): string {
    const t = this.text;
    let out = '';
    let start = ++this.pos;
    for (;;) {
      const c = t[this.pos];
      if (c === undefined) this.fail('unterminated string');
      if (c === '"') break;
      if (c === '\\') {
        out += t.slice(start, this.pos);
        const e = t[this.pos + 1] ?? '';
        if (e === 'u') {
          const hex = t.slice(this.pos + 2, this.pos + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('bad \\u escape');
          out += String.fromCharCode(parseInt(hex, 16));
          this.pos += 6;
        } else {
          const ch = ESCAPES[e];
          if (ch === undefined) this.fail(`bad escape '\\${e}'`);
          out += ch;
          this.pos += 2;
        }
        start = this.pos;
      } else this.pos++;
    }
    out += t.slice(start, this.pos);
    this.pos++;
    return out;
  }
}

/** Compact JSON text; numbers are written exactly as they were read. */
export function writeJson(v: Json): string {
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return JSON.stringify(v);
  if (v instanceof JsonNumber) return v.text;
  if (Array.isArray(v)) return `[${v.map(writeJson).join(',')}]`;
  const keys = (v as Ordered)[FIELD_ORDER] ?? Object.keys(v);
  return `{${keys.map((k) => `${JSON.stringify(k)}:${writeJson(v[k] ?? null)}`).join(',')}}`;
}

/** Converts a plain JavaScript value (as `JSON.parse` returns) to the exact-number tree. */
export function fromPlain(v: unknown): Json {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'number') return new JsonNumber(String(v));
  if (typeof v === 'bigint') return new JsonNumber(v.toString());
  if (v instanceof JsonNumber) return v;
  if (Array.isArray(v)) return v.map(fromPlain);
  const obj: JsonObject = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    Object.defineProperty(obj, k, {
      value: fromPlain(x),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return obj;
}
