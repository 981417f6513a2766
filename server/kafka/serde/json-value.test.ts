import { describe, expect, it } from 'vitest';
import { Decimal } from '../../types/decimal';
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
  type SqlType,
} from '../../types/sql-type';
import { fromJsonValue, toJsonValue, writeJsonText } from './json-value';
import { SerdeError } from './serde-error';

const POINT = struct([
  { name: 'X', type: INTEGER },
  { name: 'label', type: STRING },
]);

describe('fromJsonValue coercions', () => {
  it.each<[string, unknown, SqlType, unknown]>([
    ['boolean', true, BOOLEAN, true],
    ['int from number', 7, INTEGER, 7],
    ['int truncates fractions', 7.9, INTEGER, 7],
    ['int wraps like Java', 4294967297, INTEGER, 1],
    ['int from text', '-12', INTEGER, -12],
    ['bigint from number', 1e15, BIGINT, 1e15],
    ['bigint from text', '10827272222', BIGINT, 10827272222],
    ['double from int', 3, DOUBLE, 3],
    ['double from text', ' 2.5 ', DOUBLE, 2.5],
    ['double from NaN text', 'NaN', DOUBLE, NaN],
    ['string from text', 'hey', STRING, 'hey'],
    ['string from number', 12, STRING, '12'],
    ['string from boolean', false, STRING, 'false'],
    ['string from object', { a: 1, b: [1, 'x'] }, STRING, '{"a":1,"b":[1,"x"]}'],
    ['string from array', [1, 'a', null, [2]], STRING, '[1, a, null, [2]]'],
    ['timestamp from number', 1000, TIMESTAMP, 1000],
    ['timestamp from text', '1000', TIMESTAMP, 1000],
    ['date from number', -10, DATE, -10],
    ['time from text', '100', TIME, 100],
    ['bytes from base64', 'IQ==', BYTES, Buffer.from([0x21])],
    ['array', [1, '2', null], array(INTEGER), [1, 2, null]],
    ['null', null, INTEGER, null],
    ['missing', undefined, STRING, null],
  ])('%s', (_name, json, type, expected) => {
    expect(fromJsonValue(json, type)).toEqual(expected);
  });

  it('reads DECIMAL from numbers and text, exactly', () => {
    expect(fromJsonValue(10.1, decimal(4, 2))).toEqual(new Decimal(1010n, 2));
    expect(fromJsonValue('-0.05', decimal(4, 2))).toEqual(new Decimal(-5n, 2));
  });

  it('matches struct fields case-insensitively, exact names first', () => {
    expect(fromJsonValue({ x: 1, LABEL: 'no', label: 'yes' }, POINT)).toEqual({ X: 1, label: 'yes' });
    expect(fromJsonValue({ x: 1, Label: 'only exact for quoted names' }, POINT)).toEqual({
      X: 1,
      label: null,
    });
    expect(fromJsonValue({ x: 1, X: 2 }, POINT)).toEqual({ X: 2, label: null });
  });

  it('converts MAP keys from strings to the key type', () => {
    expect(fromJsonValue({ '1': 'a', '2': null }, map(INTEGER, STRING))).toEqual(
      new Map<unknown, unknown>([
        [1, 'a'],
        [2, null],
      ]),
    );
  });

  it.each<[unknown, SqlType, string]>([
    ['yes', BOOLEAN, "Can't convert type. sourceType: TextNode, requiredType: BOOLEAN, path: $"],
    ['x', INTEGER, "Can't coerce string to type. targetType: INTEGER, path: $"],
    ['1.5', BIGINT, "Can't coerce string to type. targetType: BIGINT, path: $"],
    [true, DOUBLE, "Can't convert type. sourceType: BooleanNode, requiredType: DOUBLE, path: $"],
    [{ X: 'one' }, POINT, "Can't coerce string to type. targetType: INTEGER, path: $.X"],
    [
      [1, {}],
      array(INTEGER),
      "Can't convert type. sourceType: ObjectNode, requiredType: INTEGER, path: $[1]",
    ],
    [{ k: [] }, map(STRING, INTEGER), 'requiredType: INTEGER, path: $.k.value'],
    [{ k: 1 }, map(INTEGER, INTEGER), "Can't coerce string to type. targetType: INTEGER, path: $.k.key"],
    [5, array(INTEGER), "Can't convert type. sourceType: IntNode, requiredType: ARRAY<INT>, path: $"],
    [[], POINT, 'sourceType: ArrayNode, requiredType: STRUCT<X INT, label VARCHAR>'],
    [12.345, decimal(4, 2), 'without rounding'],
    [123.4, decimal(4, 2), 'Numeric field overflow'],
    ['abc', decimal(4, 2), "Can't coerce string to type. targetType: DECIMAL(4, 2)"],
    ['not base64!', BYTES, 'Value is not a valid Base64 encoded string'],
    [86400001, TIME, 'Time values must use number of milliseconds'],
    [-1, TIME, 'Time values must use number of milliseconds'],
  ])('rejects %j as %o', (json, type, message) => {
    expect(() => fromJsonValue(json, type)).toThrow(SerdeError);
    expect(() => fromJsonValue(json, type)).toThrow(message);
  });
});

describe('toJsonValue', () => {
  it('gives plain JSON data', () => {
    const type = struct([
      { name: 'D', type: decimal(5, 2) },
      { name: 'B', type: BYTES },
      { name: 'M', type: map(STRING, array(DOUBLE)) },
      { name: 'T', type: TIMESTAMP },
      { name: 'N', type: DOUBLE },
    ]);
    const value = {
      D: new Decimal(1010n, 2),
      B: Buffer.from('!'),
      M: new Map([['k', [1.5, null, Infinity]]]),
      T: 5,
      N: NaN,
    };
    expect(toJsonValue(value, type)).toEqual({
      D: 10.1,
      B: 'IQ==',
      M: { k: [1.5, null, 'Infinity'] },
      T: 5,
      N: 'NaN',
    });
  });

  it('round-trips through fromJsonValue', () => {
    const type = struct([
      { name: 'A', type: array(map(STRING, decimal(10, 3))) },
      { name: 'S', type: POINT },
    ]);
    const value = { A: [new Map([['x', new Decimal(-1234n, 3)]])], S: { X: -3, label: 'p' } };
    expect(fromJsonValue(JSON.parse(JSON.stringify(toJsonValue(value, type))), type)).toEqual(value);
  });
});

describe('writeJsonText', () => {
  it.each<[unknown, SqlType, string]>([
    [new Decimal(123456789012345678901234567890n, 2), decimal(30, 2), '1234567890123456789012345678.90'],
    [new Decimal(1n, 7), decimal(8, 7), '0.0000001'],
    [1, DOUBLE, '1.0'],
    [1e10, DOUBLE, '1.0E10'],
    [0.5, DOUBLE, '0.5'],
    [-Infinity, DOUBLE, '"-Infinity"'],
    ['a"b', STRING, '"a\\"b"'],
    [null, STRING, 'null'],
    [{ label: 'x', X: 1 }, POINT, '{"X":1,"label":"x"}'],
    [{ X: 1 }, POINT, '{"X":1,"label":null}'],
    [new Map([['k', true]]), map(STRING, BOOLEAN), '{"k":true}'],
    [[Buffer.from([1, 2])], array(BYTES), '["AQI="]'],
  ])('writes %o as %s', (value, type, text) => {
    expect(writeJsonText(value, type)).toBe(text);
  });
});

describe('a struct field named __proto__', () => {
  const type = struct([{ name: '__proto__', type: INTEGER }]);

  it('is read and written as an ordinary field', () => {
    const value = fromJsonValue(JSON.parse('{"__proto__":5}'), type) as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(writeJsonText(value, type)).toBe('{"__proto__":5}');
    expect(writeJsonText({}, type)).toBe('{"__proto__":null}');
    expect(JSON.stringify(toJsonValue(value, type))).toBe('{"__proto__":5}');
  });
});
