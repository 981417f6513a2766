/**
 * The KAFKA format: one column in Kafka's standard serializer encodings — INTEGER as a 4-byte
 * big-endian int, BIGINT as an 8-byte big-endian long, DOUBLE as an 8-byte IEEE-754 double, STRING
 * as UTF-8, BYTES raw. No coercion: a wrong length is an error with the Kafka deserializer's words.
 * A null column writes no bytes (for a value, that is a tombstone — as in ksqlDB).
 */
import type { SqlType } from '../../types/sql-type';
import type { RowCodec } from './types';

/** The types the KAFKA format can hold. */
export const KAFKA_TYPES: ReadonlySet<SqlType['kind']> = new Set([
  'INTEGER',
  'BIGINT',
  'DOUBLE',
  'STRING',
  'BYTES',
]);

function sizeError(deserializer: string, size: number): Error {
  return new Error(`Size of data received by ${deserializer} is not ${size}`);
}

type Encode = (v: unknown) => Buffer;
type Decode = (bytes: Buffer) => unknown;

function codecFor(type: SqlType): [Encode, Decode] {
  switch (type.kind) {
    case 'INTEGER':
      return [
        (v) => {
          const b = Buffer.allocUnsafe(4);
          b.writeInt32BE((v as number) | 0);
          return b;
        },
        (bytes) => {
          if (bytes.length !== 4) throw sizeError('IntegerDeserializer', 4);
          return bytes.readInt32BE(0);
        },
      ];
    case 'BIGINT':
      return [
        (v) => {
          const b = Buffer.allocUnsafe(8);
          b.writeBigInt64BE(BigInt.asIntN(64, BigInt(Math.trunc(v as number))));
          return b;
        },
        (bytes) => {
          if (bytes.length !== 8) throw sizeError('LongDeserializer', 8);
          return Number(bytes.readBigInt64BE(0));
        },
      ];
    case 'DOUBLE':
      return [
        (v) => {
          const b = Buffer.allocUnsafe(8);
          b.writeDoubleBE(v as number);
          return b;
        },
        (bytes) => {
          if (bytes.length !== 8) throw sizeError('DoubleDeserializer', 8);
          return bytes.readDoubleBE(0);
        },
      ];
    case 'STRING':
      // Like Java's decoder, malformed UTF-8 becomes U+FFFD rather than an error.
      return [(v) => Buffer.from(v as string, 'utf8'), (bytes) => bytes.toString('utf8')];
    case 'BYTES':
      return [
        (v) => {
          const u = v as Uint8Array;
          return Buffer.from(u.buffer, u.byteOffset, u.byteLength);
        },
        // A copy: the consumer's buffer may be a slice of a whole fetch response.
        (bytes) => Buffer.from(bytes),
      ];
    default:
      throw new Error(`The 'KAFKA' format does not support type '${type.kind}'`);
  }
}

/** `column` must be supported (format-support.ts checks before this is called). */
export function createKafkaCodec(column: { readonly type: SqlType }): RowCodec {
  const [encode, decode] = codecFor(column.type);
  return {
    encode: (values) => {
      const v = values[0];
      return v === null || v === undefined ? null : encode(v);
    },
    decode: (bytes) => [decode(bytes)],
  };
}

/** The KAFKA (or NONE) encoding of no columns: no bytes at all; any bytes read as no values. */
export const EMPTY_CODEC: RowCodec = {
  encode: () => null,
  decode: () => [],
};
