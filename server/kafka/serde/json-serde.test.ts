import { describe, expect, it } from 'vitest';
import { Decimal } from '../../types/decimal';
import { BIGINT, BOOLEAN, DOUBLE, INTEGER, STRING, array, decimal, map, struct } from '../../types/sql-type';
import { createValueSerde } from './value-serde';
import { SerdeError } from './serde-error';
import { valueColumn } from './test-columns';

const JSON_FORMAT = { format: 'JSON' } as const;
const bytes = (text: string): Buffer => Buffer.from(text, 'utf8');

describe('JSON values', () => {
  const serde = createValueSerde(
    JSON_FORMAT,
    [valueColumn('ID', BIGINT), valueColumn('NAME', STRING), valueColumn('TAGS', array(STRING))],
    {},
  );

  it('reads fields case-insensitively and missing fields as null', () => {
    expect(serde.deserialize(bytes('{"id":1,"Name":"a","extra":true}'))).toEqual([1, 'a', null]);
  });

  it('writes the schema’s column names in order', () => {
    expect(serde.serialize([1, 'a', ['x', null]])?.toString()).toBe('{"ID":1,"NAME":"a","TAGS":["x",null]}');
    expect(serde.serialize([null, null, null])?.toString()).toBe('{"ID":null,"NAME":null,"TAGS":null}');
  });

  it('treats null bytes and a JSON null document as no row', () => {
    expect(serde.serialize(null)).toBeNull();
    expect(serde.deserialize(null)).toBeNull();
    expect(serde.deserialize(bytes('null'))).toBeNull();
  });

  it.each([
    [
      '[1,2]',
      "Can't convert type. sourceType: ArrayNode, requiredType: STRUCT<ID BIGINT, NAME VARCHAR, TAGS ARRAY<VARCHAR>>, path: $",
    ],
    ['{"ID":"x"}', "Can't coerce string to type. targetType: BIGINT, path: $.ID"],
    ['{"TAGS":"x"}', 'requiredType: ARRAY<VARCHAR>, path: $.TAGS'],
    ['{"ID":', 'Unexpected end-of-input'],
    ['', 'sourceType: MissingNode'],
  ])('rejects %s', (text, message) => {
    const run = (): unknown => serde.deserialize(bytes(text));
    expect(run).toThrow(SerdeError);
    expect(run).toThrow(message);
    try {
      run();
    } catch (e) {
      expect((e as SerdeError).target).toBe('value');
    }
  });

  it('rejects invalid UTF-8', () => {
    expect(() => serde.deserialize(Buffer.from([0x7b, 0xff, 0x7d]))).toThrow(SerdeError);
  });

  it('accepts what Jackson accepts after the document', () => {
    expect(serde.deserialize(bytes('{"ID":2} garbage'))).toEqual([2, null, null]);
    expect(serde.deserialize(bytes('\ufeff{"ID":3}'))).toEqual([3, null, null]);
  });
});

describe('JSON single columns', () => {
  it('wraps a single value column by default', () => {
    const serde = createValueSerde(JSON_FORMAT, [valueColumn('V', INTEGER)], {});
    expect(serde.serialize([5])?.toString()).toBe('{"V":5}');
    expect(serde.deserialize(bytes('{"v":5}'))).toEqual([5]);
  });

  it('reads and writes the bare value when unwrapped', () => {
    const serde = createValueSerde(JSON_FORMAT, [valueColumn('V', struct([{ name: 'A', type: DOUBLE }]))], {
      wrapSingleValues: false,
    });
    expect(serde.deserialize(bytes('{"a":45.67}'))).toEqual([{ A: 45.67 }]);
    expect(serde.serialize([{ A: 1 }])?.toString()).toBe('{"A":1.0}');
    // A null column writes no bytes; a JSON null document is a row holding null.
    expect(serde.serialize([null])).toBeNull();
    expect(serde.deserialize(bytes('null'))).toEqual([null]);
  });

  it('coerces an unwrapped array of numbers to strings', () => {
    const serde = createValueSerde(JSON_FORMAT, [valueColumn('FOO', array(STRING))], {
      wrapSingleValues: false,
    });
    expect(serde.deserialize(bytes('[1,2,3]'))).toEqual([['1', '2', '3']]);
  });

  it('reads an empty document as an empty string for an unwrapped STRING, as Jackson does', () => {
    const serde = createValueSerde(JSON_FORMAT, [valueColumn('S', STRING)], { wrapSingleValues: false });
    expect(serde.deserialize(Buffer.alloc(0))).toEqual(['']);
  });
});

describe('JSON decimals', () => {
  const serde = createValueSerde(
    JSON_FORMAT,
    [valueColumn('D', decimal(38, 10)), valueColumn('B', BOOLEAN)],
    {},
  );

  it('reads wide decimals without going through a double', () => {
    const [d] = serde.deserialize(bytes('{"D":1234567890123456789012345678.0123456789}'))!;
    expect((d as Decimal).toString()).toBe('1234567890123456789012345678.0123456789');
    const [fromText] = serde.deserialize(bytes('{"D":"-0.5"}'))!;
    expect((fromText as Decimal).toString()).toBe('-0.5000000000');
  });

  it('writes the exact digits', () => {
    const d = new Decimal(12345678901234567890123456789n, 10);
    expect(serde.serialize([d, true])?.toString()).toBe('{"D":1234567890123456789.0123456789,"B":true}');
  });

  it('round-trips maps and structs with decimals', () => {
    const nested = createValueSerde(
      JSON_FORMAT,
      [valueColumn('M', map(STRING, struct([{ name: 'P', type: decimal(20, 2) }])))],
      {},
    );
    const row = [new Map([['a', { P: new Decimal(123456789012345678n, 2) }]])];
    expect(nested.deserialize(nested.serialize(row))).toEqual(row);
  });
});
