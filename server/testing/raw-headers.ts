import type { KafkaHeaders } from '../kafka/serde';
import type { RawHeader } from './driver-api';

/**
 * Driver headers (an ordered list) to kafkajs's shape (key → value, or values when the key
 * repeats). A null header value stays null, as kafkajs delivers it from a broker; the type cannot
 * say so, hence the cast.
 */
export function toKafkaHeaders(raw: readonly RawHeader[]): KafkaHeaders {
  const headers: Record<string, (Buffer | null)[]> = {};
  for (const h of raw) (headers[h.key] ??= []).push(h.value);
  const out: Record<string, Buffer | null | (Buffer | null)[]> = {};
  for (const [key, values] of Object.entries(headers)) out[key] = values.length === 1 ? values[0]! : values;
  return out as KafkaHeaders;
}

/** Forwarded headers back to the driver's list; null or missing values stay null. */
export function toRawHeaders(headers: KafkaHeaders | undefined): RawHeader[] {
  if (!headers) return [];
  const out: RawHeader[] = [];
  for (const [key, v] of Object.entries(headers)) {
    for (const item of Array.isArray(v) ? v : [v]) {
      out.push({ key, value: item === undefined || item === null ? null : Buffer.from(item) });
    }
  }
  return out;
}
