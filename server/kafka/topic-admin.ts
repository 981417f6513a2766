import type { Admin, Kafka } from 'kafkajs';

export interface TopicSpec {
  readonly name: string;
  readonly partitions: number;
  readonly replicas?: number;
  readonly configs?: Readonly<Record<string, string>>;
}

export interface TopicInfo {
  readonly name: string;
  readonly partitions: number;
  readonly replicas: number;
  /** Sum over partitions of (high watermark − low watermark). */
  readonly messages: number;
  readonly internal: boolean;
}

const LEADER_WAIT_MS = 30_000;

/** Topic administration as the engine needs it; hides kafkajs's admin API. */
export class TopicAdmin {
  private admin: Admin | undefined;

  constructor(private readonly kafka: Kafka) {}

  private async connected(): Promise<Admin> {
    if (!this.admin) {
      const admin = this.kafka.admin();
      await admin.connect();
      this.admin = admin;
    }
    return this.admin;
  }

  async exists(name: string): Promise<boolean> {
    const admin = await this.connected();
    return (await admin.listTopics()).includes(name);
  }

  /** Creates the topic unless it exists; resolves true if it was created. */
  async ensure(spec: TopicSpec): Promise<boolean> {
    const admin = await this.connected();
    // kafkajs' own `waitForLeaders` gives up on the "does not host this topic-partition" answer a
    // KRaft broker gives for a moment after creating a topic; poll the metadata instead.
    const created = await admin.createTopics({
      waitForLeaders: false,
      topics: [
        {
          topic: spec.name,
          numPartitions: spec.partitions,
          replicationFactor: spec.replicas ?? -1,
          configEntries: Object.entries(spec.configs ?? {}).map(([name, value]) => ({ name, value })),
        },
      ],
    });
    await this.waitForLeaders(spec.name);
    return created;
  }

  /** Resolves once every partition of `name` has a leader (at most LEADER_WAIT_MS). */
  private async waitForLeaders(name: string): Promise<void> {
    const admin = await this.connected();
    const deadline = Date.now() + LEADER_WAIT_MS;
    for (;;) {
      const metadata = await admin.fetchTopicMetadata({ topics: [name] }).catch(() => undefined);
      const partitions = metadata?.topics[0]?.partitions ?? [];
      if (partitions.length > 0 && partitions.every((p) => p.leader >= 0)) return;
      if (Date.now() > deadline) {
        throw new Error(
          `Topic ${name} was created but its partitions have no leader after ${LEADER_WAIT_MS} ms`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async partitionCount(name: string): Promise<number | undefined> {
    const admin = await this.connected();
    const metadata = await admin.fetchTopicMetadata({ topics: [name] }).catch(() => undefined);
    return metadata?.topics[0]?.partitions.length;
  }

  async delete(names: readonly string[]): Promise<void> {
    if (names.length === 0) return;
    const admin = await this.connected();
    await admin.deleteTopics({ topics: [...names] });
  }

  /** Topic names only (one metadata request, no offsets). */
  async names(): Promise<string[]> {
    const admin = await this.connected();
    return admin.listTopics();
  }

  async list(options: { includeInternal?: boolean } = {}): Promise<TopicInfo[]> {
    const admin = await this.connected();
    const names = (await admin.listTopics()).filter((n) => options.includeInternal || !n.startsWith('__'));
    if (names.length === 0) return [];
    const metadata = await admin.fetchTopicMetadata({ topics: names });
    const result: TopicInfo[] = [];
    for (const topic of metadata.topics) {
      const offsets = await admin.fetchTopicOffsets(topic.name);
      const messages = offsets.reduce((sum, p) => sum + (Number(p.high) - Number(p.low)), 0);
      result.push({
        name: topic.name,
        partitions: topic.partitions.length,
        replicas: topic.partitions[0]?.replicas.length ?? 0,
        messages,
        internal: topic.name.startsWith('_'),
      });
    }
    return result.sort((a, b) => a.name.localeCompare(b.name));
  }

  /** End offsets (high watermarks) per partition. */
  async endOffsets(name: string): Promise<Map<number, number>> {
    const admin = await this.connected();
    const offsets = await admin.fetchTopicOffsets(name);
    return new Map(offsets.map((p) => [p.partition, Number(p.high)]));
  }

  /**
   * Per partition, how many records a consumer group has yet to read: from its committed offset,
   * or from the start of the partition when it has committed nothing.
   */
  async unread(groupId: string, name: string): Promise<Map<number, number>> {
    const admin = await this.connected();
    const [ranges, committed] = await Promise.all([
      admin.fetchTopicOffsets(name),
      admin.fetchOffsets({ groupId, topics: [name] }),
    ]);
    const positions = new Map(
      (committed[0]?.partitions ?? []).map((p) => [p.partition, Number(p.offset)] as const),
    );
    return new Map(
      ranges.map((p) => {
        const position = positions.get(p.partition) ?? -1;
        return [p.partition, Number(p.high) - (position >= 0 ? position : Number(p.low))];
      }),
    );
  }

  /** Per partition, the next offset `groupId` will read of `name` (absent: nothing committed). */
  async committed(groupId: string, name: string): Promise<Map<number, number>> {
    const admin = await this.connected();
    const committed = await admin.fetchOffsets({ groupId, topics: [name] });
    return new Map(
      (committed[0]?.partitions ?? [])
        .filter((p) => Number(p.offset) >= 0)
        .map((p) => [p.partition, Number(p.offset)] as const),
    );
  }

  /** Per partition, the first offset whose record time is at or after `timestamp` (the end if none). */
  async offsetsForTimestamp(name: string, timestamp: number): Promise<Map<number, number>> {
    const admin = await this.connected();
    const offsets = await admin.fetchTopicOffsetsByTimestamp(name, timestamp);
    const ends = await this.endOffsets(name);
    return new Map(
      offsets.map((p) => [
        p.partition,
        Number(p.offset) < 0 ? (ends.get(p.partition) ?? 0) : Number(p.offset),
      ]),
    );
  }

  async close(): Promise<void> {
    await this.admin?.disconnect();
    this.admin = undefined;
  }
}
