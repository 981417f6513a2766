/** Nexmark's three entities (nexmark-flink model/*), with event time as epoch ms. */
export interface Person {
  readonly id: number;
  readonly name: string;
  readonly emailAddress: string;
  readonly creditCard: string;
  readonly city: string;
  readonly state: string;
  readonly dateTime: number;
  readonly extra: string;
}

export interface Auction {
  readonly id: number;
  readonly itemName: string;
  readonly description: string;
  readonly initialBid: number;
  readonly reserve: number;
  readonly dateTime: number;
  readonly expires: number;
  readonly seller: number;
  readonly category: number;
  readonly extra: string;
}

export interface Bid {
  readonly auction: number;
  readonly bidder: number;
  readonly price: number;
  readonly channel: string;
  readonly url: string;
  readonly dateTime: number;
  readonly extra: string;
}

export type NexmarkEvent =
  | { readonly kind: 'person'; readonly id: number; readonly person: Person }
  | { readonly kind: 'auction'; readonly id: number; readonly auction: Auction }
  | { readonly kind: 'bid'; readonly id: number; readonly bid: Bid };

export function eventTime(e: NexmarkEvent): number {
  switch (e.kind) {
    case 'person':
      return e.person.dateTime;
    case 'auction':
      return e.auction.dateTime;
    case 'bid':
      return e.bid.dateTime;
  }
}
