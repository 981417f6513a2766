import { AssignerProtocol, type PartitionAssigner } from 'kafkajs';

/**
 * Gives partition p of every subscribed topic to the same member, so that a query task sees
 * partition p of all its inputs (source, repartition, and the other side of a join) — Kafka
 * Streams' co-partitioning. Tasks are spread round-robin over the members.
 */
export const CoPartitionedAssigner: PartitionAssigner = ({ cluster }) => ({
  name: 'KappaCoPartitioned',
  version: 1,
  async assign({ members, topics }) {
    const sorted = [...members].map((m) => m.memberId).sort();
    const assignment = new Map<string, Record<string, number[]>>(sorted.map((id) => [id, {}]));
    const counts = topics.map((topic) => ({
      topic,
      partitions: cluster.findTopicPartitionMetadata(topic).map((p) => p.partitionId),
    }));
    const max = Math.max(0, ...counts.map((c) => Math.max(-1, ...c.partitions) + 1));
    for (let p = 0; p < max; p++) {
      const member = sorted[p % sorted.length];
      if (member === undefined) continue;
      const target = assignment.get(member)!;
      for (const { topic, partitions } of counts) {
        if (partitions.includes(p)) (target[topic] ??= []).push(p);
      }
    }
    return sorted.map((memberId) => ({
      memberId,
      memberAssignment: AssignerProtocol.MemberAssignment.encode({
        version: 1,
        assignment: assignment.get(memberId)!,
        userData: Buffer.alloc(0),
      }),
    }));
  },
  protocol({ topics }) {
    return {
      name: 'KappaCoPartitioned',
      metadata: AssignerProtocol.MemberMetadata.encode({ version: 1, topics, userData: Buffer.alloc(0) }),
    };
  },
});
