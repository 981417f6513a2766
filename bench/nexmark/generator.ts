/**
 * A TypeScript port of the Nexmark event generator (nexmark-flink NexmarkGenerator and
 * Person/Auction/BidGenerator): person:auction:bid = 1:3:46, hot auctions, sellers and bidders,
 * synthetic event time from the event number and the configured rate, and optional disorder
 * (a fraction of events carry an earlier time than their position says).
 */
import {
  FIRST_AUCTION_ID,
  FIRST_CATEGORY_ID,
  FIRST_PERSON_ID,
  NUM_CATEGORIES,
  type GeneratorConfig,
} from './config';
import { kindOf, lastBase0AuctionId, lastBase0PersonId, nextBase0AuctionId, nextBase0PersonId } from './ids';
import type { Auction, Bid, NexmarkEvent, Person } from './model';
import { SeededRandom } from './random';
import {
  FIRST_NAMES,
  HOT_CHANNELS,
  LAST_NAMES,
  US_CITIES,
  US_STATES,
  channelTable,
  nextExtra,
  nextPrice,
  nextString,
  type ChannelTable,
} from './strings';

const HOT_CHANNELS_RATIO = 2;
const MAX_AUCTION_LENGTH_MS = 20_000;

export class NexmarkGenerator {
  private readonly random: SeededRandom;
  private readonly channels: ChannelTable;
  private next = 0;

  constructor(private readonly config: GeneratorConfig) {
    this.random = new SeededRandom(config.seed);
    this.channels = channelTable(config.seed);
  }

  /** The number of events generated so far (= the id of the next one). */
  get eventCount(): number {
    return this.next;
  }

  nextEvent(): NexmarkEvent {
    const id = this.next++;
    const ts = this.timestampOf(id);
    switch (kindOf(this.config, id)) {
      case 'person':
        return { kind: 'person', id, person: this.person(id, ts) };
      case 'auction':
        return { kind: 'auction', id, auction: this.auction(id, ts) };
      case 'bid':
        return { kind: 'bid', id, bid: this.bid(id, ts) };
    }
  }

  private timestampOf(id: number): number {
    const c = this.config;
    let ts = c.baseTime + Math.floor((id * 1000) / c.eventsPerSecond);
    if (c.probDelayedEvent > 0 && this.random.nextDouble() < c.probDelayedEvent) {
      ts -= 1 + this.random.nextInt(c.maxDelayMs);
    }
    return ts;
  }

  private person(eventId: number, dateTime: number): Person {
    const r = this.random;
    const id = lastBase0PersonId(this.config, eventId) + FIRST_PERSON_ID;
    const name = `${pick(r, FIRST_NAMES)} ${pick(r, LAST_NAMES)}`;
    const emailAddress = `${nextString(r, 7)}@${nextString(r, 5)}.com`;
    const creditCard = [0, 1, 2, 3].map(() => String(r.nextInt(10_000)).padStart(4, '0')).join(' ');
    const city = pick(r, US_CITIES);
    const state = pick(r, US_STATES);
    const size = 8 + name.length + emailAddress.length + creditCard.length + city.length + state.length;
    const extra = nextExtra(r, size, this.config.avgPersonByteSize);
    return { id, name, emailAddress, creditCard, city, state, dateTime, extra };
  }

  private auction(eventId: number, dateTime: number): Auction {
    const r = this.random;
    const c = this.config;
    const id = lastBase0AuctionId(c, eventId) + FIRST_AUCTION_ID;
    let seller: number;
    // P(hot seller) = 1 - 1/hotSellersRatio: the first person of the latest batch of that size.
    if (r.nextInt(c.hotSellersRatio) > 0) {
      seller = Math.floor(lastBase0PersonId(c, eventId) / c.hotSellersRatio) * c.hotSellersRatio;
    } else {
      seller = nextBase0PersonId(c, eventId, r);
    }
    seller += FIRST_PERSON_ID;
    const category = FIRST_CATEGORY_ID + r.nextInt(NUM_CATEGORIES);
    const initialBid = nextPrice(r);
    const expires = dateTime + 1 + r.nextInt(MAX_AUCTION_LENGTH_MS);
    const itemName = nextString(r, 20);
    const description = nextString(r, 100);
    const reserve = initialBid + nextPrice(r);
    const size = 8 + itemName.length + description.length + 8 + 8 + 8 + 8 + 8;
    const extra = nextExtra(r, size, c.avgAuctionByteSize);
    return { id, itemName, description, initialBid, reserve, dateTime, expires, seller, category, extra };
  }

  private bid(eventId: number, dateTime: number): Bid {
    const r = this.random;
    const c = this.config;
    let auction: number;
    // P(hot auction) = 1 - 1/hotAuctionRatio: the first auction of the latest batch of that size.
    if (r.nextInt(c.hotAuctionRatio) > 0) {
      auction = Math.floor(lastBase0AuctionId(c, eventId) / c.hotAuctionRatio) * c.hotAuctionRatio;
    } else {
      auction = nextBase0AuctionId(c, eventId, r);
    }
    auction += FIRST_AUCTION_ID;
    let bidder: number;
    // Hot bidders are the second person of a batch, so they do not collide with hot sellers.
    if (r.nextInt(c.hotBiddersRatio) > 0) {
      bidder = Math.floor(lastBase0PersonId(c, eventId) / c.hotBiddersRatio) * c.hotBiddersRatio + 1;
    } else {
      bidder = nextBase0PersonId(c, eventId, r);
    }
    bidder += FIRST_PERSON_ID;
    const price = nextPrice(r);
    let channel: string;
    let url: string;
    if (r.nextInt(HOT_CHANNELS_RATIO) > 0) {
      const i = r.nextInt(HOT_CHANNELS.length);
      channel = HOT_CHANNELS[i]!;
      url = this.channels.hotUrls[i]!;
    } else {
      const entry = this.channels.channels[r.nextInt(this.channels.channels.length)]!;
      channel = entry.channel;
      url = entry.url;
    }
    const extra = nextExtra(r, 32, c.avgBidByteSize);
    return { auction, bidder, price, channel, url, dateTime, extra };
  }
}

function pick<T>(r: SeededRandom, values: readonly T[]): T {
  return values[r.nextInt(values.length)]!;
}

/** Generates `count` events from a fresh generator, calling `each` for every one. */
export function generate(config: GeneratorConfig, count: number, each: (e: NexmarkEvent) => void): void {
  const g = new NexmarkGenerator(config);
  for (let i = 0; i < count; i++) each(g.nextEvent());
}
