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
  struct,
} from '../../types/sql-type';
import { createKeySerde } from './key-serde';
import { SerdeError } from './serde-error';
import { keyColumn, valueColumn } from './test-columns';
import { createValueSerde } from './value-serde';

const DELIMITED = { format: 'DELIMITED' } as const;
const text = (b: Buffer | null): string | null => (b === null ? null : b.toString('utf8'));

describe('DELIMITED values', () => {
  const columns = [
    valueColumn('B', BOOLEAN),
    valueColumn('I', INTEGER),
    valueColumn('L', BIGINT),
    valueColumn('D', DOUBLE),
    valueColumn('S', STRING),
    valueColumn('N', decimal(6, 3)),
    valueColumn('T', TIMESTAMP),
    valueColumn('DT', DATE),
    valueColumn('TM', TIME),
    valueColumn('BY', BYTES),
  ];
  const serde = createValueSerde(DELIMITED, columns, {});
  const row = [
    true,
    -5,
    4294967296,
    1e10,
    'a, "b"',
    new Decimal(-1500n, 3),
    1000,
    -10,
    500,
    Buffer.from('!'),
  ];

  it('writes ksqlDB’s text forms', () => {
    expect(text(serde.serialize(row))).toBe('true,-5,4294967296,1.0E10,"a, ""b""",-1.500,1000,-10,500,IQ==');
  });

  it('round-trips', () => {
    expect(serde.deserialize(serde.serialize(row))).toEqual(row);
  });

  it('reads empty fields as null and booleans like Java', () => {
    expect(serde.deserialize(Buffer.from('yes,,,,,,,,,'))).toEqual([false, ...new Array(9).fill(null)]);
    expect(serde.serialize(new Array(10).fill(null))?.toString()).toBe(',,,,,,,,,');
  });

  it.each([
    ['1,2', 'Column count mismatch on deserialization. expected: 10, got: 2'],
    ['true,x,,,,,,,,', 'Error deserializing delimited column I: For input string: "x"'],
    ['true,,,,,1.2345,,,,', 'column N: Cannot fit decimal'],
    ['true,,,,,,,,86400000,', 'column TM'],
    ['true,,,,,,,,,***', 'Value is not a valid Base64 encoded string'],
    ['"open', 'EOF reached'],
    ['\n', 'No fields in record'],
  ])('rejects %j', (input, message) => {
    expect(() => serde.deserialize(Buffer.from(input))).toThrow(SerdeError);
    expect(() => serde.deserialize(Buffer.from(input))).toThrow(message);
  });

  it('uses the configured delimiter', () => {
    const tabbed = createValueSerde(
      { format: 'DELIMITED', delimiter: '\t' },
      [valueColumn('A', STRING), valueColumn('B', INTEGER)],
      {},
    );
    expect(text(tabbed.serialize(['x,y', 1]))).toBe('x,y\t1');
    expect(tabbed.deserialize(Buffer.from('p q\t2'))).toEqual(['p q', 2]);
  });

  it('quotes a leading negative number, as ksqlDB does', () => {
    const single = createValueSerde(DELIMITED, [valueColumn('DATE', DATE)], {});
    expect(text(single.serialize([-10]))).toBe('"-10"');
    expect(single.deserialize(Buffer.from('"-10"'))).toEqual([-10]);
  });

  it('writes a lone null column as empty bytes and reads them back as null', () => {
    const single = createValueSerde(DELIMITED, [valueColumn('S', STRING)], {});
    expect(single.serialize([null])?.length).toBe(0);
    expect(single.deserialize(Buffer.alloc(0))).toEqual([null]);
    expect(text(single.serialize(['']))).toBe('""');
  });

  it.each([
    [array(INTEGER), "The 'DELIMITED' format does not support type 'ARRAY', column: `X`"],
    [struct([{ name: 'A', type: INTEGER }]), "does not support type 'STRUCT', column: `X`"],
  ])('rejects %o columns when created', (type, message) => {
    expect(() => createValueSerde(DELIMITED, [valueColumn('X', type)], {})).toThrow(SerdeError);
    expect(() => createValueSerde(DELIMITED, [valueColumn('X', type)], {})).toThrow(message);
  });
});

describe('DELIMITED keys', () => {
  it('holds several key columns', () => {
    const serde = createKeySerde(DELIMITED, [keyColumn('A', STRING), keyColumn('B', INTEGER)], {});
    expect(text(serde.serialize(['a', 2]))).toBe('a,2');
    expect(serde.deserialize(Buffer.from('b,4')).values).toEqual(['b', 4]);
  });
});
