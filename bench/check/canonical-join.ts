/**
 * References of the stream–table joins, with the engine's semantics: a stream record meets the
 * table as of its own timestamp, a table row with the same timestamp included. Record timestamps
 * are milliseconds while the generator makes ten events per millisecond, and Nexmark lets an
 * auction name a seller (a bid an auction) up to ten ids ahead, so generation order cannot be the
 * yardstick: what counts is the timestamps the records carry. Nexmark never updates a person or an
 * auction, so "as of" is "created at or before". Rows are compared on their value columns (the
 * join key goes to the record key).
 */
import type { Auction, Bid, NexmarkEvent, Person } from '../nexmark/model';
import type { OutputFields } from './canonical-stateless';

export interface JoinReference {
  add(e: NexmarkEvent): void;
  /** Canonical output rows, once every event is in. */
  rows(): string[];
}

export interface JoinCheck {
  reference(): JoinReference;
  row(v: OutputFields): string;
}

const Q3_STATES = new Set(['OR', 'ID', 'CA']);

export const JOIN_CHECKS = {
  q3: {
    reference: () => {
      const persons = new Map<number, Person>();
      const auctions: Auction[] = [];
      return {
        add: (e) => {
          if (e.kind === 'person') persons.set(e.person.id, e.person);
          if (e.kind === 'auction' && e.auction.category === 10) auctions.push(e.auction);
        },
        rows: () =>
          auctions.flatMap((a) => {
            const p = persons.get(a.seller);
            return p && p.dateTime <= a.dateTime && Q3_STATES.has(p.state)
              ? [[p.name, p.city, p.state, a.id].join('|')]
              : [];
          }),
      };
    },
    row: (v) => [v.name, v.city, v.state, v.id].join('|'),
  },
  q13: {
    // The side table is loaded before the run with timestamps before every bid's.
    reference: () => {
      const rows: string[] = [];
      return {
        add: (e) => {
          if (e.kind !== 'bid') return;
          const b = e.bid;
          rows.push([b.auction, b.bidder, b.price, b.dateTime, `side-${b.auction % 10_000}`].join('|'));
        },
        rows: () => rows,
      };
    },
    row: (v) => [v.auction, v.bidder, v.price, v.datetime, v.payload].join('|'),
  },
  q20: {
    reference: () => {
      const auctions = new Map<number, Auction>();
      const bids: Bid[] = [];
      return {
        add: (e) => {
          if (e.kind === 'auction') auctions.set(e.auction.id, e.auction);
          if (e.kind === 'bid') bids.push(e.bid);
        },
        rows: () =>
          bids.flatMap((b) => {
            const a = auctions.get(b.auction);
            if (!a || a.category !== 10 || a.dateTime > b.dateTime) return [];
            return [
              [b.bidder, b.price, b.channel, a.itemName, a.initialBid, a.reserve, a.seller, a.category].join(
                '|',
              ),
            ];
          }),
      };
    },
    row: (v) =>
      [v.bidder, v.price, v.channel, v.itemname, v.initialbid, v.reserve, v.seller, v.category].join('|'),
  },
} satisfies Record<string, JoinCheck>;

export type JoinId = keyof typeof JOIN_CHECKS;
