import { AssignerProtocol, type PartitionAssigner } from 'kafkajs';

/**
 * Gives every partition of every topic to one member (the first, in id order). For queries that
 * must see all of their input in one place — a foreign-key join looks up any row of the right
 * table from any left row — the other engines stand by and take over if that member leaves.
 */
export const SingleMemberAssigner: PartitionAssigner = ({ cluster }) => ({
  name: 'KappaSingleMember',
  version: 1,
  async assign({ members, topics }) {
    const sorted = [...members].map((m) => m.memberId).sort();
    const all: Record<string, number[]> = {};
    for (const topic of topics)
      all[topic] = cluster.findTopicPartitionMetadata(topic).map((p) => p.partitionId);
    return sorted.map((memberId, i) => ({
      memberId,
      memberAssignment: AssignerProtocol.MemberAssignment.encode({
        version: 1,
        assignment: i === 0 ? all : {},
        userData: Buffer.alloc(0),
      }),
    }));
  },
  protocol({ topics }) {
    return {
      name: 'KappaSingleMember',
      metadata: AssignerProtocol.MemberMetadata.encode({ version: 1, topics, userData: Buffer.alloc(0) }),
    };
  },
});
