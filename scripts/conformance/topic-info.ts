import type { CatalogView } from '../../server/catalog/catalog';
import type { WindowInfo } from '../../server/types/formats';
import { valueColumnsWithoutHeaders } from '../../server/types/logical-schema';
import type { SqlType } from '../../server/types/sql-type';

/**
 * What the runner needs to know to write and read a topic's records: formats, the column types the
 * KAFKA format needs, and the window of windowed keys. Taken from the stream or table over the
 * topic, as ksqlDB's `TopicInfoCache` does.
 */
export interface TopicInfo {
  readonly topic: string;
  readonly source: string;
  readonly keyFormat: string;
  readonly valueFormat: string;
  readonly keyTypes: readonly SqlType[];
  /** Value columns without header columns (headers are never in the value bytes). */
  readonly valueTypes: readonly SqlType[];
  readonly window?: WindowInfo;
}

/**
 * The first-created source over `topic`, or undefined. Several sources may share a topic (a
 * stream and a table over the same data); they agree on formats in every QTT case, so the first
 * one is as good as any and keeps runs reproducible.
 */
export function topicInfo(catalog: CatalogView, topic: string): TopicInfo | undefined {
  const source = catalog.sources().find((s) => s.topic === topic);
  if (source === undefined) return undefined;
  return {
    topic,
    source: source.name,
    keyFormat: source.keyFormat.format,
    valueFormat: source.valueFormat.format,
    keyTypes: source.schema.key.map((c) => c.type),
    valueTypes: valueColumnsWithoutHeaders(source.schema).map((c) => c.type),
    window: source.window,
  };
}
