/** State shared by the pattern parser's numeric and text readers. */
import type { TimeZone } from './zone';

/** Fields read from the text so far; absent ones get ksqlDB's defaults. */
export interface Fields {
  year?: number;
  yearOfEra?: number;
  bc?: boolean;
  month?: number;
  day?: number;
  dayOfYear?: number;
  hour?: number;
  hour12?: number;
  pm?: boolean;
  minute?: number;
  second?: number;
  nanos?: number;
  milliOfDay?: number;
  offset?: number;
  zone?: TimeZone;
}

/** Thrown by the readers; `parseFields` turns it into java.time's message. */
export class ParseFailure extends Error {
  constructor(
    readonly index: number,
    readonly unparsed = false,
  ) {
    super('parse failure');
  }
}
