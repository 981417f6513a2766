/** Nexmark's random text (StringsGenerator, PriceGenerator, the bid channel/URL cache). */
import { SeededRandom } from './random';

const MIN_STRING_LENGTH = 3;
const A = 'a'.charCodeAt(0);

export function nextString(random: SeededRandom, maxLength: number, special = '_'): string {
  let len = MIN_STRING_LENGTH + random.nextInt(maxLength - MIN_STRING_LENGTH);
  let s = '';
  while (len-- > 0) s += random.nextInt(13) === 0 ? special : String.fromCharCode(A + random.nextInt(26));
  return s.trim();
}

const LETTERS_PER_DRAW = 6; // 26^6 < 2^32: one 32-bit draw gives six uniform-enough letters
const codes = new Uint16Array(4096);

/** `length` random lowercase letters (the bulk of every record's padding, so kept cheap). */
export function nextExactString(random: SeededRandom, length: number): string {
  const n = Math.min(length, codes.length);
  for (let i = 0; i < n;) {
    let draw = random.nextUint32();
    for (let j = 0; j < LETTERS_PER_DRAW && i < n; j++, i++) {
      codes[i] = A + (draw % 26);
      draw = Math.floor(draw / 26);
    }
  }
  return String.fromCharCode(...codes.subarray(0, n));
}

/** Padding that brings a record to about `desiredAverageSize` bytes (±20 %). */
export function nextExtra(random: SeededRandom, currentSize: number, desiredAverageSize: number): string {
  if (currentSize > desiredAverageSize) return '';
  const desired = desiredAverageSize - currentSize;
  const delta = Math.round(desired * 0.2);
  const minSize = desired - delta;
  const size = minSize + (delta > 0 ? random.nextInt(2 * delta) : 0);
  return nextExactString(random, size);
}

/** Log-uniform price in cents, 100 … 10^8. */
export function nextPrice(random: SeededRandom): number {
  return Math.round(Math.pow(10, random.nextDouble() * 6) * 100);
}

function baseUrl(random: SeededRandom): string {
  return `https://www.nexmark.com/${nextString(random, 5, '_')}/${nextString(random, 5, '_')}/${nextString(random, 5, '_')}/item.htm?query=1`;
}

/** Java's Integer.reverse, as Nexmark derives channel ids from channel numbers. */
function reverseBits32(n: number): number {
  let x = n >>> 0;
  let r = 0;
  for (let i = 0; i < 32; i++) {
    r = (r << 1) | (x & 1);
    x >>>= 1;
  }
  return r | 0;
}

export const HOT_CHANNELS = ['Google', 'Facebook', 'Baidu', 'Apple'] as const;
export const CHANNELS_NUMBER = 10_000;

export interface ChannelTable {
  readonly hotUrls: readonly string[];
  /** channel-N and its URL; 9 in 10 URLs carry a channel_id parameter (q21 extracts it). */
  readonly channels: readonly { readonly channel: string; readonly url: string }[];
}

/** Built once per generator from its own seed, like Nexmark's static cache. */
export function channelTable(seed: number): ChannelTable {
  const random = new SeededRandom(seed ^ 0x5bd1e995);
  const hotUrls = HOT_CHANNELS.map(() => baseUrl(random));
  const channels = [];
  for (let n = 0; n < CHANNELS_NUMBER; n++) {
    let url = baseUrl(random);
    if (random.nextInt(10) > 0) url += `&channel_id=${Math.abs(reverseBits32(n))}`;
    channels.push({ channel: `channel-${n}`, url });
  }
  return { hotUrls, channels };
}

export const US_STATES = ['AZ', 'CA', 'ID', 'OR', 'WA', 'WY'] as const;
export const US_CITIES = [
  'Phoenix',
  'Los Angeles',
  'San Francisco',
  'Boise',
  'Portland',
  'Bend',
  'Redmond',
  'Seattle',
  'Kent',
  'Cheyenne',
] as const;
export const FIRST_NAMES = [
  'Peter',
  'Paul',
  'Luke',
  'John',
  'Saul',
  'Vicky',
  'Kate',
  'Julie',
  'Sarah',
  'Deiter',
  'Walter',
] as const;
export const LAST_NAMES = [
  'Shultz',
  'Abrams',
  'Spencer',
  'White',
  'Bartels',
  'Walton',
  'Smith',
  'Jones',
  'Noris',
] as const;
