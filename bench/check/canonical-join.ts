/**
 * References of the stream–table joins: events are applied in event-time order, a table row
 * first, so a stream record meets only the rows that precede it. Rows are compared on their value
 * columns (the join key goes to the record key).
 */
import type { Auction, NexmarkEvent, Person } from '../nexmark/model';
import type { OutputFields } from './canonical-stateless';

export interface JoinReference {
  /** Canonical output rows this event produces. */
  add(e: NexmarkEvent): string[];
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
      return {
        add: (e) => {
          if (e.kind === 'person') persons.set(e.person.id, e.person);
          if (e.kind !== 'auction' || e.auction.category !== 10) return [];
          const p = persons.get(e.auction.seller);
          return p && Q3_STATES.has(p.state) ? [[p.name, p.city, p.state, e.auction.id].join('|')] : [];
        },
      };
    },
    row: (v) => [v.name, v.city, v.state, v.id].join('|'),
  },
  q13: {
    reference: () => ({
      add: (e) =>
        e.kind === 'bid'
          ? [
              [
                e.bid.auction,
                e.bid.bidder,
                e.bid.price,
                e.bid.dateTime,
                `side-${e.bid.auction % 10_000}`,
              ].join('|'),
            ]
          : [],
    }),
    row: (v) => [v.auction, v.bidder, v.price, v.datetime, v.payload].join('|'),
  },
  q20: {
    reference: () => {
      const auctions = new Map<number, Auction>();
      return {
        add: (e) => {
          if (e.kind === 'auction') auctions.set(e.auction.id, e.auction);
          if (e.kind !== 'bid') return [];
          const a = auctions.get(e.bid.auction);
          if (!a || a.category !== 10) return [];
          const b = e.bid;
          return [
            [b.bidder, b.price, b.channel, a.itemName, a.initialBid, a.reserve, a.seller, a.category].join(
              '|',
            ),
          ];
        },
      };
    },
    row: (v) =>
      [v.bidder, v.price, v.channel, v.itemname, v.initialbid, v.reserve, v.seller, v.category].join('|'),
  },
} satisfies Record<string, JoinCheck>;

export type JoinId = keyof typeof JOIN_CHECKS;
