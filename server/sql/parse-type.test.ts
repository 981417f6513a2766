import { describe, expect, it } from 'vitest';
import { formatTypeNode } from './format-type';
import { parseColumnList, parseType } from './script';

describe('types', () => {
  it.each([
    ['BOOLEAN', 'BOOLEAN'],
    ['int', 'INTEGER'],
    ['INTEGER', 'INTEGER'],
    ['BIGINT', 'BIGINT'],
    ['DOUBLE', 'DOUBLE'],
    ['DECIMAL(10,2)', 'DECIMAL(10, 2)'],
    ['varchar', 'STRING'],
    ['VARCHAR(STRING)', 'STRING'],
    ['STRING', 'STRING'],
    ['BYTES', 'BYTES'],
    ['TIMESTAMP', 'TIMESTAMP'],
    ['DATE', 'DATE'],
    ['TIME', 'TIME'],
    ['ARRAY<INT>', 'ARRAY<INTEGER>'],
    ['MAP<STRING, ARRAY<DOUBLE>>', 'MAP<STRING, ARRAY<DOUBLE>>'],
    ['STRUCT<a INT, `b c` STRUCT<d STRING>>', 'STRUCT<A INTEGER, `b c` STRUCT<D STRING>>'],
    ['STRUCT<>', 'STRUCT<>'],
    ['address', 'ADDRESS'],
    ['ARRAY<address>', 'ARRAY<ADDRESS>'],
    ['STRUCT<home address, n INT>', 'STRUCT<HOME ADDRESS, N INTEGER>'],
  ])('%s', (text, formatted) => {
    const r = parseType(text);
    expect(r.diagnostics).toEqual([]);
    if (!r.type) throw new Error('no type');
    expect(formatTypeNode(r.type)).toBe(formatted);
  });

  it('resolves fully built-in types to SqlType and keeps custom ones structured', () => {
    expect(parseType('ARRAY<STRUCT<x INT>>').type).toMatchObject({
      kind: 'BuiltinType',
      type: {
        kind: 'ARRAY',
        element: { kind: 'STRUCT', fields: [{ name: 'X', type: { kind: 'INTEGER' } }] },
      },
    });
    expect(parseType('MAP<STRING, t>').type).toMatchObject({
      kind: 'MapType',
      key: { kind: 'BuiltinType' },
      value: { kind: 'CustomType', name: { name: 'T' } },
    });
  });

  it.each(['DECIMAL', 'ARRAY<INT', 'MAP<INT>', 'STRUCT<a>', 'INT INT'])('rejects %s', (text) => {
    expect(parseType(text).diagnostics).toHaveLength(1);
  });

  it('parses schema strings as column lists', () => {
    const r = parseColumnList(
      '`ID` BIGINT KEY, `V` STRING, `Hs` ARRAY<STRUCT<`KEY` STRING, `VALUE` BYTES>> HEADERS',
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.columns?.map((c) => [c.name.name, formatTypeNode(c.type), c.constraint?.kind])).toEqual([
      ['ID', 'BIGINT', 'Key'],
      ['V', 'STRING', undefined],
      ['Hs', 'ARRAY<STRUCT<KEY STRING, VALUE BYTES>>', 'Headers'],
    ]);
  });
});
