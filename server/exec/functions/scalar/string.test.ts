import { describe, expect, it } from 'vitest';
import { BYTES, INTEGER, STRING } from '../../../types/sql-type';
import { call } from '../testing';

const S = STRING;
const I = INTEGER;
const bytes = (s: string): Uint8Array => Buffer.from(s, 'utf8');
const text = (b: unknown): string => Buffer.from(b as Uint8Array).toString('utf8');

describe('string functions', () => {
  it.each([
    ['CONCAT', [S, S, S], ['a', null, 'c'], 'ac'],
    ['CONCAT', [S, S], [null, null], ''],
    ['CONCAT_WS', [S, S, S, S], ['-', 'a', null, 'b'], 'a-b'],
    ['CONCAT_WS', [S, S], [null, 'a'], null],
    ['SUBSTRING', [S, I], ['hello', 2], 'ello'],
    ['SUBSTRING', [S, I], ['hello', -3], 'llo'],
    ['SUBSTRING', [S, I], ['hello', -10], 'hello'],
    ['SUBSTRING', [S, I], ['hello', 10], ''],
    ['SUBSTRING', [S, I, I], ['hello', 2, 3], 'ell'],
    ['SUBSTRING', [S, I, I], ['hello', 0, 2], 'he'],
    ['SUBSTRING', [S, I, I], ['hello', 4, 10], 'lo'],
    ['SUBSTRING', [S, I, I], ['hello', 2, -1], ''],
    ['SUBSTRING', [S, I, I], [null, 2, 1], null],
    ['LEN', [S], ['héllo'], 5],
    ['LEN', [S], [null], null],
    ['UCASE', [S], ['MiXeD'], 'MIXED'],
    ['LCASE', [S], ['MiXeD'], 'mixed'],
    ['TRIM', [S], [' \t x y \n'], 'x y'],
    ['LTRIM', [S], ['  x  '], 'x  '],
    ['RTRIM', [S], ['  x  '], '  x'],
    ['REPLACE', [S, S, S], ['anaconda', 'a', 'o'], 'onocondo'],
    ['REPLACE', [S, S, S], ['a$b', '$', '$$'], 'a$$b'],
    ['REPLACE', [S, S, S], ['x', null, 'o'], null],
    ['SPLIT', [S, S], ['a.b.c', '.'], ['a', 'b', 'c']],
    ['SPLIT', [S, S], ['..a', '.'], ['', '', 'a']],
    ['SPLIT', [S, S], ['abc', ''], ['a', 'b', 'c']],
    ['SPLIT', [S, S], ['', ''], ['']],
    ['SPLIT', [S, S], ['', ','], ['']],
    ['INSTR', [S, S], ['corporate floor', 'or'], 2],
    ['INSTR', [S, S, I], ['corporate floor', 'or', 4], 5],
    ['INSTR', [S, S, I, I], ['corporate floor', 'or', 4, 2], 14],
    ['INSTR', [S, S, I], ['corporate floor', 'or', -4], 5],
    ['INSTR', [S, S, I, I], ['corporate floor', 'or', -4, 2], 2],
    ['INSTR', [S, S, I, I], ['corporate floor', 'or', -4, 3], 0],
    ['INSTR', [S, S], ['short', 'xyz'], 0],
    ['INSTR', [S, S], [null, 'xyz'], 0],
    ['INSTR', [S, S, I], ['abc', 'b', null], null],
    ['INITCAP', [S], ['the QUICK  brown\tfox'], 'The Quick  Brown\tFox'],
    ['ELT', [I, S, S], [2, 'a', 'b'], 'b'],
    ['ELT', [I, S, S], [3, 'a', 'b'], null],
    ['ELT', [I, S, S], [0, 'a', 'b'], null],
    ['FIELD', [S, S, S], ['b', 'a', 'b'], 2],
    ['FIELD', [S, S, S], [null, 'a', null], 0],
    ['FIELD', [S, S, S], ['z', 'a', 'b'], 0],
  ])('%s(%j) of %j = %j', (name, types, args, expected) => {
    expect(call(name, types, ...args)).toEqual(expected);
  });

  it('splits to maps', () => {
    const f = (...a: unknown[]): unknown => call('SPLIT_TO_MAP', [S, S, S], ...a);
    expect(f('apple:green/banana:yellow', '/', ':')).toEqual(
      new Map([
        ['apple', 'green'],
        ['banana', 'yellow'],
      ]),
    );
    expect(f('a:1//b:2/', '/', ':')).toEqual(
      new Map([
        ['a', '1'],
        ['b', '2'],
      ]),
    );
    expect(f('a:1/b:2', '&&', ':')).toEqual(new Map([['a', '1/b']]));
    expect(f('a:1', '/', '=')).toEqual(new Map());
    expect(f('a:1', '', ':')).toBeNull();
    expect(f('', '/', ':')).toEqual(new Map());
  });

  it('works on bytes', () => {
    expect(text(call('CONCAT', [BYTES, BYTES, BYTES], bytes('ab'), null, bytes('c')))).toBe('abc');
    expect(text(call('CONCAT_WS', [BYTES, BYTES, BYTES], bytes('-'), bytes('a'), bytes('b')))).toBe('a-b');
    expect(text(call('SUBSTRING', [BYTES, I, I], bytes('hello'), 2, 2))).toBe('el');
    expect(call('LEN', [BYTES], bytes('abc'))).toBe(3);
    const parts = call('SPLIT', [BYTES, BYTES], bytes('.a.'), bytes('.')) as Uint8Array[];
    expect(parts.map(text)).toEqual(['', 'a', '']);
    expect((call('SPLIT', [BYTES, BYTES], bytes('ab'), bytes('')) as Uint8Array[]).map(text)).toEqual([
      'a',
      'b',
    ]);
  });
});

describe('padding and masking', () => {
  it.each([
    ['LPAD', ['foo', 7, 'Bar'], 'BarBfoo'],
    ['LPAD', ['foo', 2, 'Bar'], 'fo'],
    ['LPAD', ['foo', -1, 'Bar'], null],
    ['LPAD', ['foo', 5, ''], null],
    ['LPAD', ['', 4, 'ab'], 'abab'],
    ['RPAD', ['foo', 7, 'Bar'], 'fooBarB'],
    ['RPAD', ['foo', 5, null], null],
  ])('%s(%j) = %j', (name, args, expected) => expect(call(name, [S, I, S], ...args)).toEqual(expected));

  it('pads bytes', () => {
    expect(text(call('LPAD', [BYTES, I, BYTES], bytes('x'), 3, bytes('ab')))).toBe('abx');
    expect(text(call('RPAD', [BYTES, I, BYTES], bytes('x'), 4, bytes('ab')))).toBe('xaba');
  });

  it.each([
    ['MASK', [S], ['AbC-12 z'], 'XxX-nn-x'],
    ['MASK', [S, S, S, S, S], ['AbC-12', '*', null, '#', null], '*b*-##'],
    ['MASK_LEFT', [S, I], ['AbC-12', 2], 'XxC-12'],
    ['MASK_LEFT', [S, I], ['Ab', 5], 'Xx'],
    ['MASK_RIGHT', [S, I], ['AbC-12', 2], 'AbC-nn'],
    ['MASK_KEEP_LEFT', [S, I], ['AbC-12', 2], 'AbX-nn'],
    ['MASK_KEEP_RIGHT', [S, I, S, S, S, S], ['AbC-12', 2, 'U', 'l', 'd', 'o'], 'UlUo12'],
    ['MASK', [S], [null], null],
  ])('%s(%j) = %j', (name, types, args, expected) => expect(call(name, types, ...args)).toEqual(expected));

  it('rejects a negative mask length', () => {
    expect(() => call('MASK_LEFT', [S, I], 'abc', -1)).toThrow('non-negative');
  });
});

describe('regular expressions', () => {
  it.each([
    ['REGEXP_EXTRACT', [S, S], ['test.', 'some_test_string'], 'test_'],
    ['REGEXP_EXTRACT', [S, S], ['test.', 'nothing'], null],
    ['REGEXP_EXTRACT', [S, S, I], ['(.*) (.*)', 'steven zhang', 2], 'zhang'],
    ['REGEXP_EXTRACT', [S, S, I], ['(a)|(b)', 'b', 1], null],
    ['REGEXP_EXTRACT', [S, S], ['(?i)ABC', 'xabcx'], 'abc'],
    ['REGEXP_EXTRACT_ALL', [S, S], ['test.', 'test_testa'], ['test_', 'testa']],
    ['REGEXP_EXTRACT_ALL', [S, S], ['x', 'abc'], []],
    ['REGEXP_EXTRACT_ALL', [S, S, I], ['(\\w+) (\\w*)', 'apurva mehta agavra ', 2], ['mehta', '']],
    ['REGEXP_REPLACE', [S, S, S], ['baababaa', '(ab)+', 'cat'], 'bacataa'],
    ['REGEXP_REPLACE', [S, S, S], ['a1b22', '(\\d+)', '<$1>'], 'a<1>b<22>'],
    ['REGEXP_REPLACE', [S, S, S], ['a1', '\\d', '\\$'], 'a$'],
    ['REGEXP_SPLIT_TO_ARRAY', [S, S], ['aabcda', '(ab|cd)'], ['a', '', 'a']],
    ['REGEXP_SPLIT_TO_ARRAY', [S, S], ['zxy', '(ab|cd)'], ['zxy']],
    ['REGEXP_SPLIT_TO_ARRAY', [S, S], ['a,b,', ','], ['a', 'b', '']],
    ['REGEXP_SPLIT_TO_ARRAY', [S, S], [',a', ','], ['', 'a']],
  ])('%s(%j) = %j', (name, types, args, expected) => expect(call(name, types, ...args)).toEqual(expected));

  it('rejects a bad pattern or group', () => {
    expect(() => call('REGEXP_EXTRACT', [S, S], '(', 'x')).toThrow('Invalid regular expression');
    expect(() => call('REGEXP_EXTRACT', [S, S, I], 'x', 'x', 3)).toThrow('No group 3');
  });
});

describe('encodings', () => {
  it.each([
    ['4578616d706C6521', 'hex', 'utf8', 'Example!'],
    ['0x4578616d706C6521', 'hex', 'base64', 'RXhhbXBsZSE='],
    ["X'4578'", 'hex', 'ascii', 'Ex'],
    ['c39c', 'hex', 'utf8', 'Ü'],
    ['c39c', 'hex', 'ascii', '\ufffd\ufffd'],
    ['Ελ', 'ascii', 'hex', '3f3f'],
    ['RXhhbXBsZSE=', 'base64', 'hex', '4578616d706c6521'],
    ['RXhh', 'base64', 'null', null],
    ['zz', 'hex', 'utf8', null],
    ['0x4', 'hex', 'base64', 'BA=='],
    ['456', 'hex', 'base64', null],
    ["x'456'", 'hex', 'base64', null],
  ])('ENCODE(%j, %s, %s) = %j', (input, from, to, expected) =>
    expect(call('ENCODE', [S, S, S], input, from, to)).toBe(expected),
  );

  it('converts to and from bytes', () => {
    expect(call('FROM_BYTES', [BYTES, S], call('TO_BYTES', [S, S], 'hello', 'utf8'), 'base64')).toBe(
      'aGVsbG8=',
    );
    expect(call('FROM_BYTES', [BYTES, S], Uint8Array.of(1, 255), 'hex')).toBe('01ff');
    expect(() => call('TO_BYTES', [S, S], 'x', 'ebcdic')).toThrow();
  });

  it('hashes, makes UUIDs and characters', () => {
    expect(call('MD5', [S], '')).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(call('MD5', [S], 'r1')).toBe('7c92cf1eee8d99cc85f8355a3d6e4b86');
    expect(call('UUID', [])).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(
      call(
        'UUID',
        [BYTES],
        Uint8Array.from({ length: 16 }, (_, i) => i),
      ),
    ).toBe('00010203-0405-0607-0809-0a0b0c0d0e0f');
    expect(call('CHR', [I], 75)).toBe('K');
    expect(call('CHR', [I], 128512)).toBe('😀');
    expect(call('CHR', [I], -1)).toBeNull();
    expect(call('CHR', [S], '\\u004b')).toBe('K');
    expect(call('CHR', [S], 'nope')).toBeNull();
  });
});

describe('Java regular expression dialect', () => {
  it.each([
    ['\\p{Alpha}+', 'ab1', 'ab'],
    ['\\P{Digit}+', '12ab3', 'ab'],
    ['\\p{L}+', 'été1', 'été'],
    ['\\Aab', 'abab', 'ab'],
    ['a++b', 'aab', 'aab'],
  ])('%s on %s', (pattern, input, expected) =>
    expect(call('REGEXP_EXTRACT', [STRING, STRING], pattern, input)).toBe(expected),
  );
});

describe('escaped quantifier characters', () => {
  it('keeps an escaped plus followed by a quantifier', () => {
    expect(call('REGEXP_EXTRACT', [STRING, STRING], 'a\\++', 'xa+++')).toBe('a+++');
  });
});
