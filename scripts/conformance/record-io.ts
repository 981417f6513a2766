import type { CatalogView } from '../../server/catalog/catalog';
import type { ProduceRecord, RawRecord } from '../../server/testing/driver-api';
import type { ActualRecord } from './compare-records';
import type { Json } from './qtt-json';
import type { QttRecord } from './qtt-schema';
import { decodeSpec, encodeSpec } from './spec-serde';
import { topicInfo, type TopicInfo } from './topic-info';
import { frameWindow, unframeWindow } from './window-frame';

/**
 * Remembers what each topic holds, as ksqlDB's `TopicInfoCache` does: the first source seen over a
 * topic keeps describing it even after a DROP, so a dropped sink's records can still be read.
 */
export class TopicInfoCache {
  private readonly known = new Map<string, TopicInfo>();

  /** Records every source of the catalog not seen yet; call after each statement. */
  observe(catalog: CatalogView): void {
    for (const s of catalog.sources()) {
      if (!this.known.has(s.topic)) {
        const info = topicInfo(catalog, s.topic);
        if (info) this.known.set(s.topic, info);
      }
    }
  }

  get(topic: string): TopicInfo {
    const info = this.known.get(topic);
    if (info === undefined)
      throw new Error(`no stream or table over topic '${topic}', so its format is unknown`);
    return info;
  }
}

/** A QTT input record as the bytes the driver takes. */
export function encodeInput(info: TopicInfo, r: QttRecord): ProduceRecord {
  let key = info.keyTypes.length === 0 ? null : encodeSpec(info.keyFormat, info.keyTypes, r.key ?? null);
  if (info.window && r.window) key = frameWindow(key, info.window, r.window);
  return {
    topic: r.topic,
    key,
    value: encodeSpec(info.valueFormat, info.valueTypes, r.value ?? null),
    // TopologyTestDriver stamps an input without a timestamp with 0 (its mock clock's start); the
    // expected windows of such cases start at 0.
    timestamp: r.timestamp ?? 0,
    headers: (r.headers ?? []).map((h) => ({
      key: h.KEY,
      value: h.VALUE == null ? null : Buffer.from(h.VALUE, 'base64'),
    })),
    // Kafka Streams' TopologyTestDriver, which produced the expected outputs, reads every input
    // from partition 0 (ROWPARTITION is 0 throughout the QTT files), so the runner does too.
    partition: r.partition ?? 0,
  };
}

/** A record read back from a topic, decoded at the format level. Throws when it cannot be read. */
export function decodeOutput(info: TopicInfo, raw: RawRecord): ActualRecord {
  let keyBytes = raw.key;
  let window: ActualRecord['window'];
  if (info.window && keyBytes !== null) {
    const split = unframeWindow(keyBytes, info.window);
    keyBytes = split.inner;
    window = split.window;
  }
  const key = readPart('key', () => decodeSpec(info.keyFormat, info.keyTypes, keyBytes));
  const value = readPart('value', () => decodeSpec(info.valueFormat, info.valueTypes, raw.value));
  return {
    key,
    window,
    value,
    timestamp: raw.timestamp,
    headers: raw.headers.map((h) => ({
      KEY: h.key,
      VALUE: h.value === null ? null : h.value.toString('base64'),
    })),
  };
}

function readPart(part: string, read: () => Json): Json {
  try {
    return read();
  } catch (e) {
    throw new Error(`cannot read the ${part}: ${e instanceof Error ? e.message : String(e)}`);
  }
}
