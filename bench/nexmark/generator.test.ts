import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, FIRST_CATEGORY_ID, withConfig } from './config';
import { NexmarkGenerator, generate } from './generator';
import { eventTime, type Bid, type NexmarkEvent } from './model';
import { encodeEvent } from './records';

function take(n: number, config = DEFAULT_CONFIG): NexmarkEvent[] {
  const out: NexmarkEvent[] = [];
  generate(config, n, (e) => out.push(e));
  return out;
}

const events = take(50_000);
const bids = events.flatMap((e) => (e.kind === 'bid' ? [e.bid] : []));

describe('Nexmark generator', () => {
  it('emits person:auction:bid in the proportions 1:3:46', () => {
    const count = (k: NexmarkEvent['kind']) => events.filter((e) => e.kind === k).length;
    expect(count('person')).toBe(1000);
    expect(count('auction')).toBe(3000);
    expect(count('bid')).toBe(46_000);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const again = take(2000);
    expect(again).toEqual(events.slice(0, 2000));
    const other = take(2000, withConfig({ seed: 7 }));
    expect(other).not.toEqual(events.slice(0, 2000));
  });

  it('numbers persons and auctions densely from 1000', () => {
    const persons = events.flatMap((e) => (e.kind === 'person' ? [e.person.id] : []));
    const auctions = events.flatMap((e) => (e.kind === 'auction' ? [e.auction.id] : []));
    expect(persons.slice(0, 3)).toEqual([1000, 1001, 1002]);
    expect(auctions.slice(0, 4)).toEqual([1000, 1001, 1002, 1003]);
    expect(auctions.at(-1)).toBe(1000 + 3000 - 1);
  });

  it('sends most bids to a few hot auctions and bidders', () => {
    const top = (key: (b: Bid) => number) => {
      const counts = new Map<number, number>();
      for (const b of bids) counts.set(key(b), (counts.get(key(b)) ?? 0) + 1);
      return { distinct: counts.size, counts: [...counts.values()].sort((a, b) => b - a) };
    };
    // hotAuctionRatio 2: about half the bids go to the current hot auction (one per 2 auctions).
    const auctions = top((b) => b.auction);
    const hotShare = auctions.counts.slice(0, 1500).reduce((a, b) => a + b, 0) / bids.length;
    expect(hotShare).toBeGreaterThan(0.55);
    // hotBiddersRatio 4: about three quarters of the bids come from the current hot bidder.
    const bidders = top((b) => b.bidder);
    const hotBidders = bids.filter((b) => (b.bidder - 1000) % 4 === 1).length / bids.length;
    expect(hotBidders).toBeGreaterThan(0.7);
    expect(bidders.distinct).toBeGreaterThan(500);
  });

  it('keeps ids within the people and auctions generated so far (plus the lead)', () => {
    const beyond = events.filter(
      (e) =>
        e.kind === 'bid' &&
        (e.bid.auction > 1000 + Math.floor((e.id / 50) * 3) + 3 + 10 ||
          e.bid.bidder > 1000 + Math.floor(e.id / 50) + 1 + 10),
    );
    expect(beyond).toEqual([]);
  });

  it('draws categories 10..14, six states, log-uniform prices and hot channels half the time', () => {
    const categories = new Set(events.flatMap((e) => (e.kind === 'auction' ? [e.auction.category] : [])));
    expect([...categories].sort()).toEqual([10, 11, 12, 13, 14].map((c) => c - 10 + FIRST_CATEGORY_ID));
    const states = new Set(events.flatMap((e) => (e.kind === 'person' ? [e.person.state] : [])));
    expect(states.size).toBe(6);
    const prices = bids.map((b) => b.price);
    expect(Math.min(...prices)).toBeGreaterThanOrEqual(100);
    expect(Math.max(...prices)).toBeLessThanOrEqual(1e8);
    const belowMedianDecade = prices.filter((p) => p < 100_000).length / prices.length;
    expect(belowMedianDecade).toBeGreaterThan(0.45);
    expect(belowMedianDecade).toBeLessThan(0.55);
    const hot = bids.filter((b) => ['Google', 'Facebook', 'Baidu', 'Apple'].includes(b.channel)).length;
    expect(hot / bids.length).toBeGreaterThan(0.45);
    expect(hot / bids.length).toBeLessThan(0.55);
    const withChannelId = bids.filter(
      (b) => b.channel.startsWith('channel-') && b.url.includes('channel_id='),
    );
    expect(withChannelId.length / (bids.length - hot)).toBeGreaterThan(0.85);
  });

  it('pads records to about the configured average sizes', () => {
    const avg = (kind: NexmarkEvent['kind']) => {
      const sizes = events.filter((e) => e.kind === kind).map((e) => encodeEvent(e).value.length);
      return sizes.reduce((a, b) => a + b, 0) / sizes.length;
    };
    // JSON adds field names and quotes to Nexmark's byte estimates.
    expect(avg('bid')).toBeGreaterThan(150);
    expect(avg('bid')).toBeLessThan(300);
    expect(avg('auction')).toBeGreaterThan(500);
    expect(avg('person')).toBeGreaterThan(200);
  });

  it('derives event time from the event number and the rate', () => {
    const config = withConfig({ eventsPerSecond: 1000 });
    const g = new NexmarkGenerator(config);
    const times = Array.from({ length: 3001 }, () => eventTime(g.nextEvent()));
    expect(times[0]).toBe(config.baseTime);
    expect(times[1000]).toBe(config.baseTime + 1000);
    expect(times[3000]).toBe(config.baseTime + 3000);
    for (let i = 1; i < times.length; i++) expect(times[i]!).toBeGreaterThanOrEqual(times[i - 1]!);
  });

  it('delays a fraction of events by up to maxDelayMs when disorder is on', () => {
    const config = withConfig({ probDelayedEvent: 0.1, maxDelayMs: 3000 });
    const g = new NexmarkGenerator(config);
    let delayed = 0;
    let outOfRange = 0;
    for (let i = 0; i < 20_000; i++) {
      const e = g.nextEvent();
      const nominal = config.baseTime + Math.floor((e.id * 1000) / config.eventsPerSecond);
      const lag = nominal - eventTime(e);
      if (lag < 0 || lag > 3000) outOfRange++;
      if (lag > 0) delayed++;
    }
    expect(outOfRange).toBe(0);
    expect(delayed / 20_000).toBeGreaterThan(0.08);
    expect(delayed / 20_000).toBeLessThan(0.12);
  });
});
