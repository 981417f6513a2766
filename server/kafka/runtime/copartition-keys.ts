import { inputsOf, type JoinNode, type PlanNode, type RekeyNode } from '../../plan/nodes';
import type { QueryPlan } from '../../plan/query-plan';
import { createKeySerde } from '../serde';
import { repartitionTopic } from './internal-topics';

/** Serializes a repartitioned record's key as the join partner's topic serializes its keys. */
export type KeyEncoder = (values: readonly unknown[]) => Buffer | null;

/**
 * For each rekey that feeds a join whose other side reads a topic as it is, the key serializer of
 * that topic. A record lands in partition murmur2(key bytes) of both topics only if both write
 * the same bytes for the same key: the repartition topic must speak the partner's key format
 * (ksqlDB repartitions in the source's key format for the same reason). Rekeys with no such
 * partner (GROUP BY, or both sides rekeyed) keep Kappa's internal key encoding.
 */
export function copartitionKeyEncoders(plan: QueryPlan): Map<string, KeyEncoder> {
  const encoders = new Map<string, KeyEncoder>();
  const visit = (node: PlanNode): void => {
    if (node.node === 'Join' && node.shape !== 'foreign-key') {
      const left = partitioningOrigin(node.left);
      const right = partitioningOrigin(node.right);
      for (const [rekey, partner] of [
        [left, right],
        [right, left],
      ] as const) {
        if (rekey?.node !== 'Rekey' || partner?.node !== 'Source' || partner.source.window) continue;
        const source = partner.source;
        const serde = createKeySerde(source.keyFormat, source.schema.key, source.keyFeatures);
        encoders.set(rekey.name, (values) => serde.serialize(values));
      }
    }
    for (const child of inputsOf(node)) visit(child);
  };
  visit(plan.root);
  return encoders;
}

/**
 * The topics that feed the sides of the plan's joins (a source's topic, or the repartition topic
 * of a re-keyed side). A task processes these in timestamp order, as Kafka Streams does, so that
 * a stream record meets the table as it was at the record's time even when catching up.
 */
export function joinInputTopics(plan: QueryPlan, appId: string): Set<string> {
  return joinSideTopics(plan, appId, (join) => [join.left, join.right]);
}

/** The topics feeding the table side of stream–table joins (they go first on timestamp ties). */
export function tableSideTopics(plan: QueryPlan, appId: string): Set<string> {
  return joinSideTopics(plan, appId, (join) => (join.shape === 'stream-table' ? [join.right] : []));
}

/** The topic each picked join side reads: its source's, or the repartition topic of its rekey. */
function joinSideTopics(
  plan: QueryPlan,
  appId: string,
  sides: (join: JoinNode) => readonly PlanNode[],
): Set<string> {
  const topics = new Set<string>();
  const visit = (node: PlanNode): void => {
    if (node.node === 'Join')
      for (const side of sides(node)) {
        const origin = partitioningOrigin(side);
        if (origin?.node === 'Source') topics.add(origin.source.topic);
        else if (origin?.node === 'Rekey') topics.add(repartitionTopic(appId, origin.name));
      }
    for (const child of inputsOf(node)) visit(child);
  };
  visit(plan.root);
  return topics;
}

/** The node whose output decides how rows reaching `node` are partitioned: a topic or a rekey. */
function partitioningOrigin(node: PlanNode): PlanNode | undefined {
  switch (node.node) {
    case 'Source':
      return node;
    case 'Rekey':
      return (node as RekeyNode).name === 'PartitionBy' ? undefined : node;
    case 'Filter':
    case 'Project':
    case 'FlatMap':
      return partitioningOrigin(node.input);
    default:
      return undefined;
  }
}
