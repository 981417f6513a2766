import { describe, expect, it } from 'vitest';
import { BIGINT, BOOLEAN, DOUBLE, INTEGER, STRING } from '../../server/types/sql-type';
import { JsonNumber, readJson, writeJson } from './qtt-json';
import { decodeSpec, encodeSpec, SpecSerdeError } from './spec-serde';

const hex = (b: Buffer | null): string | null => b?.toString('hex') ?? null;

describe('encodeSpec / decodeSpec', () => {
  it('writes JSON as written, exact numbers and odd casing included', () => {
    const spec = readJson('{"name": "x", "Big": 9223372036854775807, "d": 1.10}');
    const bytes = encodeSpec('JSON', [], spec);
    expect(bytes?.toString()).toBe('{"name":"x","Big":9223372036854775807,"d":1.10}');
    expect(writeJson(decodeSpec('JSON', [], bytes))).toBe('{"name":"x","Big":9223372036854775807,"d":1.10}');
  });

  it('reports output bytes that are not JSON', () => {
    expect(() => decodeSpec('JSON', [], Buffer.from('{oops'))).toThrow(SpecSerdeError);
  });

  it('writes DELIMITED values as their text', () => {
    expect(encodeSpec('DELIMITED', [], '1,foo')?.toString()).toBe('1,foo');
    expect(encodeSpec('DELIMITED', [], new JsonNumber('10'))?.toString()).toBe('10');
    expect(decodeSpec('DELIMITED', [], Buffer.from('a,b'))).toBe('a,b');
  });

  it("uses Kafka's primitive serializers for KAFKA, by the column type", () => {
    expect(hex(encodeSpec('KAFKA', [INTEGER], new JsonNumber('-2')))).toBe('fffffffe');
    expect(hex(encodeSpec('KAFKA', [BIGINT], new JsonNumber('9223372036854775807')))).toBe(
      '7fffffffffffffff',
    );
    expect(hex(encodeSpec('KAFKA', [DOUBLE], new JsonNumber('1.5')))).toBe('3ff8000000000000');
    expect(encodeSpec('KAFKA', [STRING], 'é')?.toString()).toBe('é');
    expect(encodeSpec('KAFKA', [INTEGER], '7')?.readInt32BE(0)).toBe(7);
    expect(decodeSpec('KAFKA', [BIGINT], Buffer.from('7fffffffffffffff', 'hex'))).toEqual(
      new JsonNumber('9223372036854775807'),
    );
    expect(decodeSpec('KAFKA', [DOUBLE], Buffer.from('3ff8000000000000', 'hex'))).toEqual(
      new JsonNumber('1.5'),
    );
  });

  it('rejects what the KAFKA format cannot hold', () => {
    expect(() => encodeSpec('KAFKA', [BOOLEAN], true)).toThrow(/no serializer for BOOLEAN/);
    expect(() => encodeSpec('KAFKA', [INTEGER, INTEGER], new JsonNumber('1'))).toThrow(/one column/);
    expect(() => decodeSpec('KAFKA', [INTEGER], Buffer.alloc(8))).toThrow(/not 4/);
  });

  it('writes nothing for null, NONE, and KAFKA keys of key-less sources', () => {
    expect(encodeSpec('JSON', [], null)).toBeNull();
    expect(encodeSpec('NONE', [], readJson('{"a": 1}'))).toBeNull();
    expect(encodeSpec('KAFKA', [], new JsonNumber('1'))).toBeNull();
    expect(decodeSpec('JSON', [], null)).toBeNull();
  });
});
