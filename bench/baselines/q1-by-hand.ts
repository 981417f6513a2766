/** Nexmark q1 written by hand (B3, on either client): parse the bid, convert the price, stringify. */

/** A bid's JSON value as the pre-loader writes it. */
export interface BidJson {
  auction: number;
  bidder: number;
  price: number;
  dateTime: number;
  extra: string;
}

export function q1ByHand(value: Buffer | null): string {
  const b = JSON.parse(value?.toString() ?? 'null') as BidJson;
  return JSON.stringify({
    AUCTION: b.auction,
    BIDDER: b.bidder,
    PRICE: b.price * 0.908,
    DATETIME: b.dateTime,
    EXTRA: b.extra,
  });
}

/** A fetched batch's q1 outputs, each to the partition its bid came from. */
export function q1Messages(batch: {
  readonly partition: number;
  readonly messages: readonly { readonly value: Buffer | null; readonly timestamp: string }[];
}): { value: string; partition: number; timestamp: string }[] {
  return batch.messages.map((m) => ({
    value: q1ByHand(m.value),
    partition: batch.partition,
    timestamp: m.timestamp,
  }));
}
