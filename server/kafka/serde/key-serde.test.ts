import { describe, expect, it } from 'vitest';
import { BIGINT, BOOLEAN, BYTES, DOUBLE, INTEGER, STRING, array, map, struct } from '../../types/sql-type';
import { createKeySerde } from './key-serde';
import { SerdeError } from './serde-error';
import { keyColumn } from './test-columns';

const KAFKA = { format: 'KAFKA' } as const;
const JSON_FORMAT = { format: 'JSON' } as const;
const hex = (b: Buffer | null): string | null => (b === null ? null : b.toString('hex'));

describe('KAFKA keys', () => {
  it.each([
    [INTEGER, -2, 'fffffffe'],
    [BIGINT, 998877665544, '000000e891bf9908'],
    [DOUBLE, 1.5, '3ff8000000000000'],
    [STRING, 'héllo', '68c3a96c6c6f'],
    [BYTES, Buffer.from([0, 255]), '00ff'],
  ])('%o round-trips %o', (type, value, encoded) => {
    const serde = createKeySerde(KAFKA, [keyColumn('K', type)], {});
    const b = serde.serialize([value]);
    expect(hex(b)).toBe(encoded);
    expect(serde.deserialize(b).values).toEqual([value]);
  });

  it('writes a null key as no bytes and reads no bytes as a null key', () => {
    const serde = createKeySerde(KAFKA, [keyColumn('K', STRING)], {});
    expect(serde.serialize([null])).toBeNull();
    expect(serde.deserialize(null)).toEqual({ values: [null] });
    expect(serde.deserialize(Buffer.alloc(0))).toEqual({ values: [''] });
  });

  it.each([
    [INTEGER, 3, 'Size of data received by IntegerDeserializer is not 4'],
    [BIGINT, 4, 'Size of data received by LongDeserializer is not 8'],
    [DOUBLE, 9, 'Size of data received by DoubleDeserializer is not 8'],
  ])('rejects %o keys of the wrong size', (type, size, message) => {
    const serde = createKeySerde(KAFKA, [keyColumn('K', type)], {});
    expect(() => serde.deserialize(Buffer.alloc(size))).toThrow(message);
    expect(() => serde.deserialize(Buffer.alloc(size))).toThrow(SerdeError);
  });

  it('has no key bytes without key columns', () => {
    const serde = createKeySerde({ format: 'NONE' }, [], {});
    expect(serde.serialize([])).toBeNull();
    expect(serde.deserialize(Buffer.from('ignored'))).toEqual({ values: [] });
  });
});

describe('JSON keys', () => {
  it('does not wrap a single key column', () => {
    const serde = createKeySerde(JSON_FORMAT, [keyColumn('K', struct([{ name: 'F', type: DOUBLE }]))], {});
    expect(serde.deserialize(Buffer.from('{"f":45.67}')).values).toEqual([{ F: 45.67 }]);
    expect(serde.serialize([{ F: 45.67 }])?.toString()).toBe('{"F":45.67}');
  });

  it('writes several key columns as an object', () => {
    const serde = createKeySerde(JSON_FORMAT, [keyColumn('A', STRING), keyColumn('B', INTEGER)], {});
    expect(serde.serialize(['x', 1])?.toString()).toBe('{"A":"x","B":1}');
    expect(serde.deserialize(Buffer.from('{"b":2,"a":"y"}')).values).toEqual(['y', 2]);
    expect(serde.deserialize(Buffer.from('null')).values).toEqual([null, null]);
  });

  it('rejects a key that does not match', () => {
    const serde = createKeySerde(JSON_FORMAT, [keyColumn('K', BOOLEAN)], {});
    try {
      serde.deserialize(Buffer.from('"true"'));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(SerdeError);
      expect((e as SerdeError).target).toBe('key');
      expect((e as SerdeError).describe('t')).toBe(
        "Failed to deserialize key from topic: t. Can't convert type. sourceType: TextNode, requiredType: BOOLEAN, path: $",
      );
    }
  });
});

describe('windowed keys', () => {
  it('appends the window start for time windows', () => {
    const serde = createKeySerde(KAFKA, [keyColumn('K', INTEGER)], {}, { type: 'TUMBLING', sizeMs: 30_000 });
    const b = serde.serialize([10], { start: 60_000, end: 90_000 });
    expect(hex(b)).toBe('0000000a' + '000000000000ea60');
    expect(serde.deserialize(b)).toEqual({ values: [10], window: { start: 60_000, end: 90_000 } });
  });

  it('appends end then start for session windows', () => {
    const serde = createKeySerde(KAFKA, [keyColumn('K', STRING)], {}, { type: 'SESSION' });
    const b = serde.serialize(['a'], { start: 1, end: 2 });
    expect(hex(b)).toBe('61' + '0000000000000002' + '0000000000000001');
    expect(serde.deserialize(b)).toEqual({ values: ['a'], window: { start: 1, end: 2 } });
  });

  it('reads an empty inner key its format cannot read as null columns', () => {
    const serde = createKeySerde(
      KAFKA,
      [keyColumn('K', INTEGER)],
      {},
      { type: 'HOPPING', sizeMs: 10, advanceMs: 5 },
    );
    const b = serde.serialize([null], { start: 5, end: 15 });
    expect(b?.length).toBe(8);
    expect(serde.deserialize(b)).toEqual({ values: [null], window: { start: 5, end: 15 } });
  });

  it('rejects keys shorter than the window', () => {
    const serde = createKeySerde(KAFKA, [keyColumn('K', STRING)], {}, { type: 'SESSION' });
    expect(() => serde.deserialize(Buffer.alloc(15))).toThrow(SerdeError);
    expect(() => serde.serialize(['a'])).toThrow('window bounds');
  });

  it('needs a size for time windows', () => {
    expect(() => createKeySerde(KAFKA, [keyColumn('K', STRING)], {}, { type: 'TUMBLING' })).toThrow(
      SerdeError,
    );
  });
});

describe('key schema checks', () => {
  it.each([
    [
      [keyColumn('K', map(INTEGER, DOUBLE))],
      JSON_FORMAT,
      'Map keys, including types that contain maps, are not supported as they may lead to unexpected behavior due to inconsistent serialization. Key column name: `K`. Column type: MAP<INTEGER, DOUBLE>. See https://github.com/confluentinc/ksql/issues/6621 for more.',
    ],
    [[keyColumn('K', array(map(STRING, INTEGER)))], JSON_FORMAT, 'Column type: ARRAY<MAP<STRING, INTEGER>>'],
    [[keyColumn('K', BOOLEAN)], KAFKA, "The 'KAFKA' format does not support type 'BOOLEAN'"],
    [
      [keyColumn('K1', INTEGER), keyColumn('K2', INTEGER)],
      KAFKA,
      "The 'KAFKA' format only supports a single field. Got: [`K1` INTEGER KEY, `K2` INTEGER KEY]",
    ],
    [
      [keyColumn('K', INTEGER)],
      { format: 'NONE' },
      "The 'NONE' format can only be used when no columns are defined",
    ],
    [[keyColumn('K', INTEGER)], { format: 'AVRO' }, "The 'AVRO' format is not supported yet."],
  ] as const)('rejects %o in %o', (columns, format, message) => {
    expect(() => createKeySerde(format, columns, {})).toThrow(SerdeError);
    expect(() => createKeySerde(format, columns, {})).toThrow(message);
  });
});
