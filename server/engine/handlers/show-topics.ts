import type { KsqlEntity } from '../entities';
import type { StatementContext } from '../statement-context';

/**
 * SHOW [ALL] TOPICS [EXTENDED]: ksqlDB's `kafka_topics` (replicaInfo has one entry per partition,
 * its replica count) and `kafka_topics_extended` (with consumer and group counts). Without ALL,
 * internal topics (names starting with `_`) are hidden.
 */
export async function showTopics(
  ctx: StatementContext,
  base: { statementText: string; warnings: { message: string }[] },
  all: boolean,
  extended: boolean,
): Promise<KsqlEntity> {
  const topics = (await ctx.services.topics.list())
    .filter((t) => all || !t.internal)
    .sort((a, b) => a.name.localeCompare(b.name));
  const replicaInfo = (t: { partitions: number; replicas: number }): number[] =>
    Array<number>(t.partitions).fill(t.replicas);
  if (!extended) {
    return {
      '@type': 'kafka_topics',
      ...base,
      topics: topics.map((t) => ({ name: t.name, replicaInfo: replicaInfo(t) })),
    };
  }
  const consumers = (await ctx.services.topics.consumers?.().catch(() => undefined)) ?? new Map();
  return {
    '@type': 'kafka_topics_extended',
    ...base,
    topics: topics.map((t) => ({
      name: t.name,
      replicaInfo: replicaInfo(t),
      consumerCount: consumers.get(t.name)?.consumerCount ?? 0,
      consumerGroupCount: consumers.get(t.name)?.consumerGroupCount ?? 0,
    })),
  };
}
