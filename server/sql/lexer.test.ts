import { describe, expect, it } from 'vitest';
import { lex } from './lexer';

function kinds(sql: string): string[] {
  return lex(sql)
    .filter((t) => t.kind !== 'eof')
    .map((t) => `${t.kind}:${t.value}`);
}

describe('lexer', () => {
  it.each([
    ['select Foo', ['word:SELECT', 'word:FOO']],
    ['`My Col` "dq""x"', ['quoted:My Col', 'quoted:dq"x']],
    ['`a``b`', ['quoted:a`b']],
    ["'it''s' ''", ["string:it's", 'string:']],
    [
      '12 1.5 .5 2. 1e5 1.5E-3 1E+2',
      ['integer:12', 'decimal:1.5', 'decimal:.5', 'decimal:2.', 'float:1e5', 'float:1.5E-3', 'float:1E+2'],
    ],
    ['1abc 1e5x 9_@', ['word:1ABC', 'word:1E5X', 'word:9_@']],
    [
      'a.b x->y s->*',
      ['word:A', 'punct:.', 'word:B', 'word:X', 'punct:->', 'word:Y', 'word:S', 'punct:->', 'punct:*'],
    ],
    [
      '<> != <= >= < > = => := ||',
      [
        'punct:<>',
        'punct:!=',
        'punct:<=',
        'punct:>=',
        'punct:<',
        'punct:>',
        'punct:=',
        'punct:=>',
        'punct::=',
        'punct:||',
      ],
    ],
    ['a -- comment\nb /* multi\nline */ c', ['word:A', 'word:B', 'word:C']],
    ['a - -1', ['word:A', 'punct:-', 'punct:-', 'integer:1']],
    ['${fmt} ${ bad', ['variable:fmt', 'error:malformed variable reference: expected ${name}', 'word:BAD']],
    ["'open", ['error:unterminated string literal: missing closing quote']],
    ['a € b', ['word:A', "error:unexpected character '€'", 'word:B']],
    ['\uFEFFSHOW', ['word:SHOW']],
    [
      'ARRAY<MAP<STRING,INT>>',
      [
        'word:ARRAY',
        'punct:<',
        'word:MAP',
        'punct:<',
        'word:STRING',
        'punct:,',
        'word:INT',
        'punct:>',
        'punct:>',
      ],
    ],
  ])('%s', (sql, expected) => {
    expect(kinds(sql)).toEqual(expected);
  });

  it('tracks offsets, lines and columns (start and end)', () => {
    const tokens = lex("SELECT\n  'a\nb' ,x");
    expect(tokens.map((t) => [t.start, t.end, t.line, t.column, t.endLine, t.endColumn])).toEqual([
      [0, 6, 1, 1, 1, 7],
      [9, 14, 2, 3, 3, 3],
      [15, 16, 3, 4, 3, 5],
      [16, 17, 3, 5, 3, 6],
      [17, 17, 3, 6, 3, 6],
    ]);
  });

  it('reports comment ranges on request', () => {
    const seen: [number, number][] = [];
    lex('a -- x\n/* y */', { onComment: (s, e) => seen.push([s, e]) });
    expect(seen).toEqual([
      [2, 6],
      [7, 14],
    ]);
  });

  it('always ends with one eof token', () => {
    for (const s of ['', ' ', '--', "'", '/*'])
      expect(lex(s).filter((t) => t.kind === 'eof')).toHaveLength(1);
  });
});
