/**
 * Nexmark's id arithmetic (GeneratorConfig / PersonGenerator / AuctionGenerator): which event
 * number is which kind, and the person and auction ids an event may refer to. Ids are base-0
 * here; callers add FIRST_PERSON_ID / FIRST_AUCTION_ID.
 */
import { AUCTION_ID_LEAD, PERSON_ID_LEAD, type GeneratorConfig } from './config';
import type { SeededRandom } from './random';

export type EventKind = 'person' | 'auction' | 'bid';

function total(c: GeneratorConfig): number {
  return c.personProportion + c.auctionProportion + c.bidProportion;
}

export function kindOf(c: GeneratorConfig, eventId: number): EventKind {
  const rem = eventId % total(c);
  if (rem < c.personProportion) return 'person';
  if (rem < c.personProportion + c.auctionProportion) return 'auction';
  return 'bid';
}

/** The id of the last person generated at or before `eventId`. */
export function lastBase0PersonId(c: GeneratorConfig, eventId: number): number {
  const epoch = Math.floor(eventId / total(c));
  let offset = eventId % total(c);
  if (offset >= c.personProportion) offset = c.personProportion - 1;
  return epoch * c.personProportion + offset;
}

/** The id of the last auction generated at or before `eventId`. */
export function lastBase0AuctionId(c: GeneratorConfig, eventId: number): number {
  let epoch = Math.floor(eventId / total(c));
  let offset = eventId % total(c);
  if (offset < c.personProportion) {
    epoch--;
    offset = c.auctionProportion - 1;
  } else if (offset >= c.personProportion + c.auctionProportion) {
    offset = c.auctionProportion - 1;
  } else {
    offset -= c.personProportion;
  }
  return epoch * c.auctionProportion + offset;
}

/** A random recently active person (possibly one a few ids ahead, as in Nexmark). */
export function nextBase0PersonId(c: GeneratorConfig, eventId: number, random: SeededRandom): number {
  const numPeople = lastBase0PersonId(c, eventId) + 1;
  const activePeople = Math.min(numPeople, c.numActivePeople);
  const n = random.nextInt(activePeople + PERSON_ID_LEAD);
  return numPeople - activePeople + n;
}

/** A random auction among those in flight (possibly one a few ids ahead). */
export function nextBase0AuctionId(c: GeneratorConfig, eventId: number, random: SeededRandom): number {
  const maxAuction = lastBase0AuctionId(c, eventId);
  const minAuction = Math.max(maxAuction - c.numInFlightAuctions, 0);
  return minAuction + random.nextInt(maxAuction - minAuction + 1 + AUCTION_ID_LEAD);
}
