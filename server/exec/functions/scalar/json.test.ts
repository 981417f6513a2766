import { describe, expect, it } from 'vitest';
import { Decimal } from '../../../types/decimal';
import {
  BIGINT,
  BOOLEAN,
  BYTES,
  DATE,
  DOUBLE,
  INTEGER,
  STRING,
  TIME,
  TIMESTAMP,
  array,
  decimal,
  map,
  struct,
} from '../../../types/sql-type';
import { call } from '../testing';

const S = STRING;

describe('EXTRACTJSONFIELD', () => {
  const doc = '{"name": "cdc", "version": 1, "@type": "UDF", "a": {"b": [1.23450, {"c": true}]}, "n": null}';
  it.each([
    ['$.name', 'cdc'],
    ['$.version', '1'],
    ['$.@type', 'UDF'],
    ['$.a.b[0]', '1.23450'],
    ['$.a.b[1]', '{"c":true}'],
    ['$.a.b[1].c', 'true'],
    ["$['a']['b'][-1]", null],
    ['$.a.b[5]', null],
    ['$.n', null],
    ['$.missing.deeper', null],
    ['$.a', '{"b":[1.23450,{"c":true}]}'],
  ])('%s', (path, expected) => expect(call('EXTRACTJSONFIELD', [S, S], doc, path)).toBe(expected));

  it('returns NULL for bad JSON and handles escapes', () => {
    expect(call('EXTRACTJSONFIELD', [S, S], '{"a": ', '$.a')).toBeNull();
    expect(call('EXTRACTJSONFIELD', [S, S], '{"a": "x\\"y\\u0041"}', '$.a')).toBe('x"yA');
    // like Jackson, text after the first value is ignored
    expect(call('EXTRACTJSONFIELD', [S, S], '{"a": 1}}', '$.a')).toBe('1');
  });
});

describe('JSON functions', () => {
  it.each([
    ['IS_JSON_STRING', [S], ['1'], true],
    ['IS_JSON_STRING', [S], ['abc'], false],
    ['IS_JSON_STRING', [S], ['"abc"'], true],
    ['IS_JSON_STRING', [S], [''], false],
    ['IS_JSON_STRING', [S], [null], false],
    ['JSON_ARRAY_LENGTH', [S], ['[1, [2], {}]'], 3],
    ['JSON_ARRAY_LENGTH', [S], ['{}'], null],
    ['JSON_ARRAY_LENGTH', [S], [''], null],
    ['JSON_ARRAY_CONTAINS', [S, S], ['["Pink", null]', 'Pink'], true],
    ['JSON_ARRAY_CONTAINS', [S, S], ['["Red"]', 'Pink'], false],
    ['JSON_ARRAY_CONTAINS', [S, INTEGER], ['[1, 2.0]', 2], true],
    ['JSON_ARRAY_CONTAINS', [S, BOOLEAN], ['[false]', false], true],
    ['JSON_ARRAY_CONTAINS', [S, DOUBLE], ['not json', 1.5], false],
    ['JSON_ARRAY_CONTAINS', [S, S], [null, 'x'], false],
    ['JSON_KEYS', [S], ['{"Red": 3, "Green": 5}'], ['Red', 'Green']],
    ['JSON_KEYS', [S], ['[1]'], null],
    [
      'JSON_RECORDS',
      [S],
      ['{"a": [1, 2], "b": "x"}'],
      new Map([
        ['a', '[1,2]'],
        ['b', '"x"'],
      ]),
    ],
    ['JSON_ITEMS', [S], ['[{"type": "A"}, 2]'], ['{"type":"A"}', '2']],
    ['JSON_ITEMS', [S], ['[]'], []],
    ['JSON_CONCAT', [S, S], ['{"a": 1, "b": 2}', '{"b": 3}'], '{"a":1,"b":3}'],
    ['JSON_CONCAT', [S, S, S], ['[1]', '[2, 3]', '4'], '[1,2,3,4]'],
    ['JSON_CONCAT', [S, S], ['{"a": 1}', '[2]'], '[{"a":1},2]'],
    ['JSON_CONCAT', [S, S], ['{"a": 1}', null], null],
  ])('%s(%j) = %j', (name, types, args, expected) => expect(call(name, types, ...args)).toEqual(expected));
});

describe('TO_JSON_STRING', () => {
  it.each([
    [INTEGER, 1, '1'],
    [DOUBLE, 15.3, '15.3'],
    [DOUBLE, 1, '1.0'],
    [decimal(4, 2), Decimal.parse('1.50'), '1.50'],
    [STRING, 'a"b', '"a\\"b"'],
    [BOOLEAN, true, 'true'],
    [BYTES, Buffer.from('abc'), '"YWJj"'],
    [DATE, 18911, '"2021-10-11"'],
    [TIME, 48_300_000, '"13:25"'],
    [TIMESTAMP, Date.UTC(2021, 5, 29, 16), '"2021-06-29T16:00:00.000"'],
    [array(BIGINT), [1, null, 3], '[1,null,3]'],
    [
      map(STRING, INTEGER),
      new Map([
        ['c', 2],
        ['d', 4],
      ]),
      '{"c":2,"d":4}',
    ],
    [
      struct([
        { name: 'ID', type: INTEGER },
        { name: 'NAME', type: STRING },
      ]),
      { ID: 1, NAME: 'bob' },
      '{"ID":1,"NAME":"bob"}',
    ],
    [STRING, null, 'null'],
  ])('%o %o', (type, value, expected) => expect(call('TO_JSON_STRING', [type], value)).toBe(expected));
});
