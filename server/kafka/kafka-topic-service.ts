import { AssignerProtocol, type Admin, type Kafka } from 'kafkajs';
import type { TopicAdmin, TopicInfo, TopicSpec } from './topic-admin';

/** Consumers of one topic, for SHOW TOPICS EXTENDED. */
export interface TopicConsumers {
  /** Group members with at least one of the topic's partitions assigned. */
  readonly consumerCount: number;
  readonly consumerGroupCount: number;
}

/**
 * The engine's TopicService over a real cluster (the interface lives in server/engine/services.ts;
 * this class matches it structurally because server/kafka must not import the engine).
 */
export class KafkaTopicService {
  private groupAdmin: Admin | undefined;

  constructor(
    private readonly admin: TopicAdmin,
    private readonly kafka: Kafka,
  ) {}

  async partitions(name: string): Promise<number | undefined> {
    // Asking for the metadata of a missing topic makes kafkajs log an error; a CREATE over a new
    // topic is normal, so look first.
    if (!(await this.admin.exists(name))) return undefined;
    return this.admin.partitionCount(name);
  }

  async create(spec: TopicSpec): Promise<void> {
    await this.admin.ensure(spec);
  }

  delete(names: readonly string[]): Promise<void> {
    return this.admin.delete(names);
  }

  list(): Promise<TopicInfo[]> {
    return this.admin.list({ includeInternal: true });
  }

  /** Partitions and replication factor of one topic; undefined when it does not exist. */
  async describe(name: string): Promise<{ partitions: number; replicas: number } | undefined> {
    const partitions = await this.partitions(name);
    if (partitions === undefined) return undefined;
    const info = (await this.admin.list({ includeInternal: true })).find((t) => t.name === name);
    return { partitions, replicas: info?.replicas ?? 1 };
  }

  /** Per topic, how many consumer groups and members read it (from the groups' assignments). */
  async consumers(): Promise<Map<string, TopicConsumers>> {
    if (!this.groupAdmin) {
      const admin = this.kafka.admin();
      await admin.connect();
      this.groupAdmin = admin;
    }
    const { groups } = await this.groupAdmin.listGroups();
    const result = new Map<string, { consumerCount: number; groups: Set<string> }>();
    if (groups.length === 0) return new Map();
    const described = await this.groupAdmin.describeGroups(groups.map((g) => g.groupId));
    for (const group of described.groups) {
      for (const member of group.members) {
        const assignment = safeDecode(member.memberAssignment);
        for (const topic of Object.keys(assignment?.assignment ?? {})) {
          const entry = result.get(topic) ?? { consumerCount: 0, groups: new Set<string>() };
          entry.consumerCount++;
          entry.groups.add(group.groupId);
          result.set(topic, entry);
        }
      }
    }
    return new Map(
      [...result].map(([t, e]) => [t, { consumerCount: e.consumerCount, consumerGroupCount: e.groups.size }]),
    );
  }

  async close(): Promise<void> {
    await this.groupAdmin?.disconnect().catch(() => {});
    this.groupAdmin = undefined;
  }
}

function safeDecode(buffer: Buffer): ReturnType<typeof AssignerProtocol.MemberAssignment.decode> {
  try {
    return AssignerProtocol.MemberAssignment.decode(buffer);
  } catch {
    return null;
  }
}
