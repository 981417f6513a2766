import { bindError } from '../../bind/bind-error';
import type { WithProperties } from '../ddl/with-properties';
import type { PreparedCommand, StatementContext } from '../statement-context';

/**
 * The sink topic of a persistent query: created before the command is written (as ksqlDB does),
 * with PARTITIONS/REPLICAS from WITH, else the first source topic's partition count.
 */
export async function sinkTopicCreation(
  topic: string,
  props: WithProperties,
  sources: readonly string[],
  ctx: StatementContext,
  compacted: boolean,
): Promise<Pick<PreparedCommand, 'beforeAppend'>> {
  const existing = await ctx.services.topics.partitions(topic);
  if (existing !== undefined) {
    if (props.partitions !== undefined && props.partitions !== existing) {
      throw bindError(
        `A Kafka topic with the name '${topic}' already exists, with different partition/replica configuration than required. KSQL expects ${props.partitions} partitions (topic has ${existing}).`,
      );
    }
    return {};
  }
  if (ctx.sandbox) return {};
  const firstTopic = ctx.catalog.source(sources[0] ?? '')?.topic;
  const partitions =
    props.partitions ?? (firstTopic ? await ctx.services.topics.partitions(firstTopic) : undefined) ?? 1;
  return {
    beforeAppend: () =>
      ctx.services.topics.create({
        name: topic,
        partitions,
        ...(props.replicas !== undefined
          ? { replicas: props.replicas }
          : ctx.options.defaultReplicas !== undefined
            ? { replicas: ctx.options.defaultReplicas }
            : {}),
        ...(compacted ? { configs: { 'cleanup.policy': 'compact' } } : {}),
      }),
  };
}
