import type {
  CatalogSnapshot,
  PersistentQuerySummary,
  SourceSummary,
  TopicSummary,
} from '../../../lib/contracts/catalog';
import type { ColumnInfo } from '../../../lib/contracts/columns';
import type { CatalogView } from '../../bind/catalog-view';
import type { RuntimeQueryCounters } from '../../engine/runtime-statistics';
import type { DataSource, PersistentQuery } from '../../types/data-source';
import type { Column } from '../../types/logical-schema';
import { formatType } from '../../types/sql-type';

function columnInfo(c: Column): ColumnInfo {
  return {
    name: c.name,
    type: formatType(c.type),
    ...(c.namespace === 'KEY' ? { key: true } : {}),
    ...(c.header ? { header: c.header.key ?? '*' } : {}),
  };
}

function sourceSummary(
  catalog: CatalogView,
  s: DataSource,
  rates: ReadonlyMap<string, number>,
): SourceSummary {
  return {
    name: s.name,
    kind: s.kind,
    topic: s.topic,
    keyFormat: s.keyFormat.format,
    valueFormat: s.valueFormat.format,
    windowType: s.window?.type ?? null,
    isSource: s.isSource,
    columns: [...s.schema.key, ...s.schema.value].map(columnInfo),
    readQueries: catalog.readersOf(s.name).map((q) => q.id),
    writeQueries: catalog.writersOf(s.name).map((q) => q.id),
    messagesPerSecond: rates.get(s.topic) ?? null,
  };
}

/** Counters of a persistent query running here; undefined when this engine runs none of it. */
export type QueryCounters = (queryId: string) => RuntimeQueryCounters | undefined;

function querySummary(
  catalog: CatalogView,
  q: PersistentQuery,
  counters: QueryCounters,
): PersistentQuerySummary {
  const sinkTopic = catalog.source(q.sink)?.topic;
  const stats = counters(q.id);
  return {
    id: q.id,
    sql: q.sql,
    state: q.state,
    sources: [...q.sources],
    sinks: [q.sink],
    sinkTopics: sinkTopic ? [sinkTopic] : [],
    inputRecordsPerSecond: stats ? stats.recordsPerSecond : null,
    processedRecords: stats?.processed ?? 0,
    errorCount: stats?.errors ?? 0,
    lastError: stats?.lastError ? { message: stats.lastError.message, at: stats.lastError.at } : null,
  };
}

/** The catalog as the workbench's sidebar shows it: one immutable snapshot of the engine's view. */
export function catalogSnapshot(
  catalog: CatalogView,
  rates: ReadonlyMap<string, number> = new Map(),
  counters: QueryCounters = () => undefined,
): CatalogSnapshot {
  return {
    commandSequenceNumber: catalog.lastOffset,
    sources: catalog
      .sources()
      .map((s) => sourceSummary(catalog, s, rates))
      .sort((a, b) => a.name.localeCompare(b.name)),
    queries: catalog
      .queries()
      .map((q) => querySummary(catalog, q, counters))
      .sort((a, b) => a.id.localeCompare(b.id)),
    types: [...catalog.types()].map(([name, type]) => ({ name, type: formatType(type) })),
  };
}

/**
 * Messages per second per topic, from the growth of topic message counts between two listings.
 * Listing topics asks Kafka for offsets, so a listing younger than `minIntervalMs` is reused.
 */
export class TopicRates {
  private previous: { at: number; counts: Map<string, number> } | undefined;
  private latest: { at: number; counts: Map<string, number>; topics: TopicSummary[] } | undefined;
  private rates = new Map<string, number>();
  private pending: Promise<TopicSummary[]> | undefined;

  constructor(
    private readonly list: () => Promise<TopicSummary[]>,
    private readonly now: () => number,
    private readonly minIntervalMs = 2_000,
  ) {}

  current(): ReadonlyMap<string, number> {
    return this.rates;
  }

  /** Topics, listed afresh unless the last listing is recent. */
  async topics(): Promise<TopicSummary[]> {
    const now = this.now();
    if (this.latest && now - this.latest.at < this.minIntervalMs) return this.latest.topics;
    this.pending ??= this.list().finally(() => (this.pending = undefined));
    const topics = await this.pending;
    this.record(this.now(), topics);
    return topics;
  }

  private record(at: number, topics: TopicSummary[]): void {
    if (this.latest && at === this.latest.at) return;
    this.previous = this.latest;
    this.latest = { at, counts: new Map(topics.map((t) => [t.name, t.messages])), topics };
    if (!this.previous) return;
    const seconds = (at - this.previous.at) / 1000;
    if (seconds <= 0) return;
    const rates = new Map<string, number>();
    for (const [name, count] of this.latest.counts) {
      const before = this.previous.counts.get(name);
      if (before !== undefined) rates.set(name, Math.max(0, (count - before) / seconds));
    }
    this.rates = rates;
  }
}
