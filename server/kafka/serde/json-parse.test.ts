import { describe, expect, it } from 'vitest';
import { JsonBigNumber, MISSING } from './json-nodes';
import { JsonSyntaxError, parseJsonLenient } from './json-parse';

describe('parseJsonLenient', () => {
  it.each([
    ['{"a":1,"b":[true,null,"x"]}', { a: 1, b: [true, null, 'x'] }],
    ['  [1, -2.5, 3e2]  ', [1, -2.5, 300]],
    ['"esc\\n\\u0041"', 'esc\nA'],
    ['0', 0],
    ['-0.0', -0],
    ['false', false],
  ])('parses %s like JSON.parse', (text, expected) => {
    expect(parseJsonLenient(text)).toEqual(expected);
  });

  it('reads an empty or blank document as the missing node', () => {
    expect(parseJsonLenient('')).toBe(MISSING);
    expect(parseJsonLenient(' \n\t')).toBe(MISSING);
  });

  it.each([
    ['{"a":1} trailing', { a: 1 }],
    ['[1]]', [1]],
    ['"s" anything', 's'],
    ['12 34', 12],
  ])('ignores what follows a complete root value: %s', (text, expected) => {
    expect(parseJsonLenient(text)).toEqual(expected);
  });

  it.each([
    ['12x', 'Expected space separating root-level values'],
    ['abc', "Unrecognized token 'abc'"],
    ['{"a":1', 'Unexpected end-of-input'],
    ['{a:1}', 'double-quote to start field name'],
    ['[1 2]', 'comma to separate Array entries'],
    ['01', 'Leading zeroes not allowed'],
    ['1.', 'Decimal point not followed by a digit'],
    ['"\\q"', 'Unrecognized character escape'],
    ['"tab\there"', 'Illegal unquoted character'],
    ['"open', 'closing quote'],
    ['-', 'expected digit'],
    ['truex', "Unrecognized token 'truex'"],
  ])('rejects %s', (text, message) => {
    expect(() => parseJsonLenient(text)).toThrow(JsonSyntaxError);
    expect(() => parseJsonLenient(text)).toThrow(message);
  });

  it('keeps numbers a double cannot hold when lossless', () => {
    const v = parseJsonLenient('{"d":12345678901234567.891,"s":1.5}', { lossless: true }) as Record<
      string,
      unknown
    >;
    expect(v.d).toEqual(new JsonBigNumber('12345678901234567.891'));
    expect(v.s).toBe(1.5);
  });

  it('limits nesting instead of overflowing the stack', () => {
    expect(() => parseJsonLenient('['.repeat(5000))).toThrow('nesting depth');
    expect(parseJsonLenient(`${'['.repeat(999)}${']'.repeat(999)}`)).toBeInstanceOf(Array);
  });

  it('keeps a "__proto__" field as an own property', () => {
    const v = parseJsonLenient('{"__proto__":{"x":1}}') as Record<string, unknown>;
    expect(Object.keys(v)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
  });
});
