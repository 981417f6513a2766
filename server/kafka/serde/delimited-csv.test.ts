import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, formatCsv, parseCsv } from './delimited-csv';

const COMMA = ','.charCodeAt(0);

describe('parseCsv', () => {
  it.each([
    ['a,b,c', [['a', 'b', 'c']]],
    ['a,,c', [['a', '', 'c']]],
    ['a,', [['a', '']]],
    [',', [['', '']]],
    ['"x, y",2', [['x, y', '2']]],
    ['"say ""hi""",z', [['say "hi"', 'z']]],
    ['"",1', [['', '1']]],
    ['"q" ,1', [['q', '1']]],
    [' "q",1', [[' "q"', '1']]],
    ['a"b,c', [['a"b', 'c']]],
    ['a\\,b', [['a\\', 'b']]],
    ['"multi\nline",2', [['multi\nline', '2']]],
    [
      'a,b\r\nc,d\n',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    ['\n\r\na,b', [['a', 'b']]],
    ['a\n\n\nb', [['a'], ['b']]],
    ['', []],
    ['\n', []],
  ])('parses %j', (text, records) => {
    expect(parseCsv(text, COMMA)).toEqual(records);
  });

  it('uses the configured delimiter', () => {
    expect(parseCsv('a\tb,c\t"d\te"', 9)).toEqual([['a', 'b,c', 'd\te']]);
  });

  it.each([
    ['"open,1', 'EOF reached before encapsulated token finished'],
    ['"q"x,1', 'invalid char between encapsulated token and delimiter'],
    ['ok\n"bad', 'EOF reached'],
  ])('rejects %j', (text, message) => {
    expect(() => parseCsv(text, COMMA)).toThrow(CsvSyntaxError);
    expect(() => parseCsv(text, COMMA)).toThrow(message);
  });
});

describe('formatCsv', () => {
  it.each<[(string | null)[], string]>([
    [['a', 'b'], 'a,b'],
    [['-1', 'a', '1'], '"-1",a,1'],
    [['101', '-101'], '101,-101'],
    [[null, '456', 'foo'], ',456,foo'],
    [[null, null], ','],
    [['', 'x', ''], '"",x,'],
    [[' lead', ' lead', 'trail ', 'in side'], '" lead"," lead","trail ",in side'],
    [['a,b', 'say "hi"', 'line\nbreak'], '"a,b","say ""hi""","line\nbreak"'],
    [['#tag', 'x#'], '"#tag",x#'],
    [['élan', 'élan'], '"élan",élan'],
  ])('formats %j', (fields, text) => {
    expect(formatCsv(fields, ',')).toBe(text);
  });

  it('quotes fields holding the delimiter in use', () => {
    expect(formatCsv(['a\tb', 'c,d'], '\t')).toBe('"a\tb"\tc,d');
  });

  it('round-trips through parseCsv', () => {
    const fields = ['-1', ' x ', 'a "b" c', 'multi\r\nline', '', 'plain'];
    expect(parseCsv(formatCsv(fields, ','), COMMA)).toEqual([fields]);
  });
});
