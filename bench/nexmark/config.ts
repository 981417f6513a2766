/**
 * The knobs of Nexmark's GeneratorConfig that shape the data (nexmark-flink defaults), plus the
 * event-time rate and the optional disorder our port adds.
 */
export interface GeneratorConfig {
  readonly seed: number;
  /** Synthetic event time: events per event-second (not the wall clock). */
  readonly eventsPerSecond: number;
  /** Event time of event 0, epoch ms. */
  readonly baseTime: number;
  readonly personProportion: number;
  readonly auctionProportion: number;
  readonly bidProportion: number;
  readonly numActivePeople: number;
  readonly numInFlightAuctions: number;
  readonly hotAuctionRatio: number;
  readonly hotSellersRatio: number;
  readonly hotBiddersRatio: number;
  readonly avgPersonByteSize: number;
  readonly avgAuctionByteSize: number;
  readonly avgBidByteSize: number;
  /** Probability that an event's time is pushed back (0 = in event-time order, like nexmark-flink). */
  readonly probDelayedEvent: number;
  /** The largest push-back of a delayed event, ms. */
  readonly maxDelayMs: number;
}

export const FIRST_PERSON_ID = 1000;
export const FIRST_AUCTION_ID = 1000;
export const FIRST_CATEGORY_ID = 10;
export const NUM_CATEGORIES = 5;
/** New ids may run slightly ahead of the last generated one (Nexmark's *_ID_LEAD). */
export const PERSON_ID_LEAD = 10;
export const AUCTION_ID_LEAD = 10;

export const DEFAULT_CONFIG: GeneratorConfig = {
  seed: 42,
  eventsPerSecond: 10_000,
  baseTime: Date.UTC(2024, 0, 1),
  personProportion: 1,
  auctionProportion: 3,
  bidProportion: 46,
  numActivePeople: 1000,
  numInFlightAuctions: 100,
  hotAuctionRatio: 2,
  hotSellersRatio: 4,
  hotBiddersRatio: 4,
  avgPersonByteSize: 200,
  avgAuctionByteSize: 500,
  avgBidByteSize: 100,
  probDelayedEvent: 0,
  maxDelayMs: 3000,
};

export function withConfig(overrides: Partial<GeneratorConfig>): GeneratorConfig {
  return { ...DEFAULT_CONFIG, ...overrides };
}
