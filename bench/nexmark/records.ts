/**
 * How events land in Kafka: one topic per entity (like nexmark-flink's person/auction/bid views),
 * JSON values with Nexmark's field names, epoch-ms record timestamps equal to the event time.
 * Persons and auctions are keyed by their id (JSON key) so they can be read as tables; bids have
 * no key and are spread round-robin over the partitions.
 */
import type { NexmarkEvent } from './model';

export type Entity = 'person' | 'auction' | 'bid';

export interface EncodedRecord {
  readonly entity: Entity;
  readonly key: Buffer | null;
  readonly value: Buffer;
  readonly timestamp: number;
}

export function encodeEvent(e: NexmarkEvent): EncodedRecord {
  switch (e.kind) {
    case 'person':
      return {
        entity: 'person',
        key: Buffer.from(String(e.person.id)),
        value: Buffer.from(JSON.stringify(e.person)),
        timestamp: e.person.dateTime,
      };
    case 'auction':
      return {
        entity: 'auction',
        key: Buffer.from(String(e.auction.id)),
        value: Buffer.from(JSON.stringify(e.auction)),
        timestamp: e.auction.dateTime,
      };
    case 'bid':
      return {
        entity: 'bid',
        key: null,
        value: Buffer.from(JSON.stringify(e.bid)),
        timestamp: e.bid.dateTime,
      };
  }
}

/** q13's bounded side input: keys 0…9999 with a short text value, older than every event. */
export const SIDE_INPUT_SIZE = 10_000;

export function sideInputRecord(
  key: number,
  timestamp: number,
): { key: Buffer; value: Buffer; timestamp: number } {
  return {
    key: Buffer.from(String(key)),
    value: Buffer.from(JSON.stringify({ payload: `side-${key}` })),
    timestamp,
  };
}
