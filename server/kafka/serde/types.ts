import type { WindowBounds } from '../../types/formats';

/** A key's column values and, for windowed keys, the window read from the key bytes. */
export interface DeserializedKey {
  readonly values: unknown[];
  readonly window?: WindowBounds;
}

/**
 * Reads and writes record keys. A null key (or a key with no columns) is null bytes; a windowed
 * key is the inner key bytes followed by the window, as Kafka Streams writes it.
 */
export interface KeySerde {
  readonly windowed: boolean;
  serialize(values: readonly unknown[], window?: WindowBounds): Buffer | null;
  /** Throws SerdeError on bytes the format cannot read; never anything else. */
  deserialize(bytes: Buffer | null): DeserializedKey;
}

/** Reads and writes record values. A null row is a tombstone (null bytes), both ways. */
export interface ValueSerde {
  serialize(values: readonly unknown[] | null): Buffer | null;
  /** Throws SerdeError on bytes the format cannot read; never anything else. */
  deserialize(bytes: Buffer | null): unknown[] | null;
}

/** Record headers in the shape kafkajs delivers them (kafkajs itself is not imported here). */
export type KafkaHeaders = Readonly<Record<string, Buffer | string | (Buffer | string)[] | undefined>>;

/**
 * One format's encoding of a non-null row of column values. `encode` may return null (a format
 * whose only column is null writes no bytes); `decode` may return null (a JSON `null` document).
 * Built once per schema; both may throw anything — the serdes turn it into a SerdeError.
 */
export interface RowCodec {
  encode(values: readonly unknown[]): Buffer | null;
  decode(bytes: Buffer): unknown[] | null;
}
