import type { RunningQuery, SourceDescription } from '../../../lib/contracts/ksql-entities';
import type { CatalogView } from '../../catalog/catalog';
import type { DataSource } from '../../types/data-source';
import { fieldInfo, queryListItem } from '../entities';
import type { EngineServices } from '../statement-context';
import { statisticsText, type QueryRuntimeStatistics } from '../source-statistics';

/**
 * ksqlDB's SourceDescription: schema, formats, topic with partitions and replication, the queries
 * reading and writing the source, and (EXTENDED) runtime statistics from the query runtime.
 */
export async function describeSource(
  s: DataSource,
  catalog: CatalogView,
  services: Pick<EngineServices, 'topics' | 'statistics'>,
  extended: boolean,
): Promise<SourceDescription> {
  const topic = await topicShape(s.topic, services);
  const running = (q: { id: string; sink: string }): RunningQuery => {
    const full = catalog.query(q.id)!;
    const state = services.statistics?.query(q.id)?.state ?? full.state;
    return queryListItem(full, catalog.source(q.sink)?.topic, state);
  };
  const readers = catalog.readersOf(s.name);
  const writers = catalog.writersOf(s.name);
  const stats = (qs: readonly { id: string }[]): QueryRuntimeStatistics[] =>
    qs.flatMap((q) => {
      const r = services.statistics?.query(q.id);
      return r ? [r] : [];
    });
  const { statistics, errorStats } = extended
    ? statisticsText(stats(readers), stats(writers))
    : { statistics: '', errorStats: '' };
  return {
    name: s.name,
    windowType: s.window?.type ?? null,
    readQueries: readers.map(running),
    writeQueries: writers.map(running),
    fields: [...s.schema.key, ...s.schema.value].map((c) => fieldInfo(c)),
    type: s.kind,
    timestamp: s.timestamp?.column ?? '',
    statistics,
    errorStats,
    extended,
    keyFormat: s.keyFormat.format,
    valueFormat: s.valueFormat.format,
    topic: s.topic,
    partitions: topic.partitions,
    replication: topic.replicas,
    statement: s.sql,
    queryOffsetSummaries: [],
    sourceConstraints: catalog
      .sources()
      .filter((other) => other.name !== s.name && readers.some((q) => q.sink === other.name))
      .map((other) => other.name),
    clusterStatistics: [],
    clusterErrorStats: [],
  };
}

async function topicShape(
  topic: string,
  services: Pick<EngineServices, 'topics'>,
): Promise<{ partitions: number; replicas: number }> {
  try {
    if (services.topics.describe)
      return (await services.topics.describe(topic)) ?? { partitions: 0, replicas: 0 };
    const partitions = await services.topics.partitions(topic);
    return partitions === undefined ? { partitions: 0, replicas: 0 } : { partitions, replicas: 1 };
  } catch {
    return { partitions: 0, replicas: 0 };
  }
}
