import { describe, expect, it } from 'vitest';
import { STRING } from '../../../types/sql-type';
import { call } from '../testing';

const URL = 'https://user@docs.example.com:8080/a%20b/c?q=1&name=Jo%20e&flag#sec%201';

describe('URL functions', () => {
  it.each([
    ['URL_EXTRACT_HOST', 'docs.example.com'],
    ['URL_EXTRACT_PATH', '/a b/c'],
    ['URL_EXTRACT_PROTOCOL', 'https'],
    ['URL_EXTRACT_PORT', 8080],
    ['URL_EXTRACT_QUERY', 'q=1&name=Jo e&flag'],
    ['URL_EXTRACT_FRAGMENT', 'sec 1'],
  ])('%s', (name, expected) => expect(call(name, [STRING], URL)).toBe(expected));

  it('handles URLs without parts', () => {
    expect(call('URL_EXTRACT_PORT', [STRING], 'http://x.com/')).toBeNull();
    expect(call('URL_EXTRACT_QUERY', [STRING], 'http://x.com/')).toBeNull();
    expect(call('URL_EXTRACT_HOST', [STRING], '/relative/path')).toBeNull();
    expect(() => call('URL_EXTRACT_HOST', [STRING], 'http://bad host/')).toThrow('invalid syntax');
  });

  it.each([
    ['q', '1'],
    ['name', 'Jo e'],
    ['flag', ''],
    ['missing', null],
  ])('parameter %s', (p, expected) =>
    expect(call('URL_EXTRACT_PARAMETER', [STRING, STRING], URL, p)).toBe(expected),
  );

  it('encodes and decodes parameters like URLEncoder', () => {
    expect(call('URL_ENCODE_PARAM', [STRING], "a b&c=d/é*~'")).toBe('a+b%26c%3Dd%2F%C3%A9*%7E%27');
    expect(call('URL_DECODE_PARAM', [STRING], 'a+b%26c%3Dd%2F%C3%A9')).toBe('a b&c=d/é');
  });
});
