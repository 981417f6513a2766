/**
 * A small JSON parser for the cases `JSON.parse` cannot serve:
 * - `lossless`: numbers with more significant digits than a double holds become JsonBigNumber, so
 *   DECIMAL(38, x) columns read exactly (ksqlDB reads floats as BigDecimal);
 * - Jackson's leniencies: an empty document is a MissingNode, and text after a complete root
 *   object, array or string is ignored (`readTree` stops after the first value);
 * - error messages in Jackson's words for the processing log.
 * The fast path stays `JSON.parse`; this runs for big-DECIMAL schemas and after JSON.parse failed.
 * Nesting is limited to 1000 levels (Jackson's default), so hostile input cannot blow the stack.
 */
import { JsonBigNumber, MISSING } from './json-nodes';

export interface JsonParseOptions {
  /** Keep numbers with more than 15 significant digits as JsonBigNumber. */
  readonly lossless?: boolean;
}

const MAX_DEPTH = 1000;
const HEX4 = /^[0-9a-fA-F]{4}$/;
const EXPECTING = "was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')";

export class JsonSyntaxError extends Error {
  override readonly name = 'JsonSyntaxError';
}

/** Parses like Jackson's `readTree`: see the file comment. Throws JsonSyntaxError. */
export function parseJsonLenient(text: string, options: JsonParseOptions = {}): unknown {
  const p = new Parser(text, options.lossless === true);
  p.skipWs();
  if (p.pos >= text.length) return MISSING;
  const root = p.value(0);
  const end = p.pos;
  p.skipWs();
  // Jackson insists on a space after a root-level number only; other roots end where they end.
  const numberRoot = typeof root === 'number' || root instanceof JsonBigNumber;
  if (p.pos < text.length && numberRoot && p.pos === end) {
    p.fail(`Unexpected character (${p.describeChar()}): Expected space separating root-level values`);
  }
  return root;
}

class Parser {
  pos = 0;

  constructor(
    private readonly text: string,
    private readonly lossless: boolean,
  ) {}

  fail(message: string): never {
    throw new JsonSyntaxError(message);
  }

  describeChar(): string {
    const c = this.text.charCodeAt(this.pos);
    return `'${String.fromCharCode(c)}' (code ${c})`;
  }

  skipWs(): void {
    const t = this.text;
    while (this.pos < t.length) {
      const c = t.charCodeAt(this.pos);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return;
      this.pos++;
    }
  }

  value(depth: number): unknown {
    if (depth > MAX_DEPTH) this.fail(`Document nesting depth exceeds the maximum allowed (${MAX_DEPTH})`);
    this.skipWs();
    const t = this.text;
    if (this.pos >= t.length) this.fail('Unexpected end-of-input: expected a value');
    const c = t.charCodeAt(this.pos);
    if (c === 123) return this.object(depth);
    if (c === 91) return this.array(depth);
    if (c === 34) return this.string();
    if (c === 45 || (c >= 48 && c <= 57)) return this.number();
    return this.literal();
  }

  private object(depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.pos++;
    this.skipWs();
    if (this.text.charCodeAt(this.pos) === 125) {
      this.pos++;
      return out;
    }
    for (;;) {
      this.skipWs();
      if (this.text.charCodeAt(this.pos) !== 34) {
        if (this.pos >= this.text.length) this.fail('Unexpected end-of-input: expected a field name');
        this.fail(
          `Unexpected character (${this.describeChar()}): was expecting double-quote to start field name`,
        );
      }
      const key = this.string();
      this.skipWs();
      if (this.text.charCodeAt(this.pos) !== 58)
        this.unexpected('was expecting a colon to separate field name and value');
      this.pos++;
      // defineProperty: a "__proto__" field must stay an own property, as JSON.parse keeps it.
      Object.defineProperty(out, key, {
        value: this.value(depth + 1),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      this.skipWs();
      const c = this.text.charCodeAt(this.pos++);
      if (c === 125) return out;
      if (c !== 44) {
        this.pos--;
        this.unexpected('was expecting comma to separate Object entries');
      }
    }
  }

  private array(depth: number): unknown[] {
    const out: unknown[] = [];
    this.pos++;
    this.skipWs();
    if (this.text.charCodeAt(this.pos) === 93) {
      this.pos++;
      return out;
    }
    for (;;) {
      out.push(this.value(depth + 1));
      this.skipWs();
      const c = this.text.charCodeAt(this.pos++);
      if (c === 93) return out;
      if (c !== 44) {
        this.pos--;
        this.unexpected('was expecting comma to separate Array entries');
      }
    }
  }

  private unexpected(expectation: string): never {
    if (this.pos >= this.text.length) this.fail(`Unexpected end-of-input: ${expectation}`);
    this.fail(`Unexpected character (${this.describeChar()}): ${expectation}`);
  }

  private string(): string {
    const t = this.text;
    const start = ++this.pos;
    // Fast path: no escapes. JSON.parse validates the escapes of the rare string that has them.
    for (let i = start; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c === 34) {
        this.pos = i + 1;
        return t.slice(start, i);
      }
      if (c === 92) return this.escapedString(start);
      if (c < 32)
        this.fail(
          `Illegal unquoted character ((CTRL-CHAR, code ${c})): has to be escaped using backslash to be included in string value`,
        );
    }
    return this.fail('Unexpected end-of-input: was expecting closing quote for a string value');
  }

  private escapedString(start: number): string {
    const t = this.text;
    for (let i = start; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c === 92) {
        i++;
        const e = t.charCodeAt(i);
        if (e === 117) {
          if (!HEX4.test(t.slice(i + 1, i + 5)))
            this.fail('Unexpected character in \\u escape: expected a hex-digit');
          i += 4;
        } else if (Number.isNaN(e)) {
          this.fail('Unexpected end-of-input in character escape sequence');
        } else if (!'"\\/bfnrt'.includes(String.fromCharCode(e))) {
          this.fail(`Unrecognized character escape '${String.fromCharCode(e)}' (code ${e})`);
        }
      } else if (c === 34) {
        this.pos = i + 1;
        return JSON.parse(t.slice(start - 1, i + 1)) as string;
      } else if (c < 32) {
        this.fail(
          `Illegal unquoted character ((CTRL-CHAR, code ${c})): has to be escaped using backslash to be included in string value`,
        );
      }
    }
    return this.fail('Unexpected end-of-input: was expecting closing quote for a string value');
  }

  private number(): number | JsonBigNumber {
    const t = this.text;
    const start = this.pos;
    let i = start;
    if (t.charCodeAt(i) === 45) i++;
    const intStart = i;
    while (isDigit(t.charCodeAt(i))) i++;
    if (i === intStart)
      this.fail(`Unexpected character (${this.describeAt(i)}) in numeric value: expected digit (0-9)`);
    if (t.charCodeAt(intStart) === 48 && i - intStart > 1)
      this.fail('Invalid numeric value: Leading zeroes not allowed');
    let digits = i - intStart;
    if (t.charCodeAt(i) === 46) {
      const fracStart = ++i;
      while (isDigit(t.charCodeAt(i))) i++;
      if (i === fracStart)
        this.fail(
          `Unexpected character (${this.describeAt(i)}) in numeric value: Decimal point not followed by a digit`,
        );
      digits += i - fracStart;
    }
    const c = t.charCodeAt(i);
    if (c === 101 || c === 69) {
      i++;
      const s = t.charCodeAt(i);
      if (s === 43 || s === 45) i++;
      const expStart = i;
      while (isDigit(t.charCodeAt(i))) i++;
      if (i === expStart)
        this.fail(
          `Unexpected character (${this.describeAt(i)}) in numeric value: Exponent indicator not followed by a digit`,
        );
    }
    this.pos = i;
    const text = t.slice(start, i);
    return this.lossless && digits > 15 ? new JsonBigNumber(text) : Number(text);
  }

  private describeAt(i: number): string {
    if (i >= this.text.length) return 'end-of-input';
    const c = this.text.charCodeAt(i);
    return `'${String.fromCharCode(c)}' (code ${c})`;
  }

  private literal(): boolean | null {
    const t = this.text;
    for (const [word, value] of LITERALS) {
      if (t.startsWith(word, this.pos) && !isTokenChar(t.charCodeAt(this.pos + word.length))) {
        this.pos += word.length;
        return value;
      }
    }
    let end = this.pos;
    while (end < t.length && isTokenChar(t.charCodeAt(end)) && end - this.pos < 256) end++;
    const token = t.slice(this.pos, Math.max(end, this.pos + 1));
    return this.fail(`Unrecognized token '${token}': ${EXPECTING}`);
  }
}

const LITERALS: readonly (readonly [string, boolean | null])[] = [
  ['true', true],
  ['false', false],
  ['null', null],
];

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isTokenChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}
