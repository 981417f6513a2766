/** Topic creation, deletion and offsets for the harness (admin calls only, no records). */
import type { Admin, Kafka } from 'kafkajs';

export class BenchAdmin {
  private admin: Admin | undefined;

  constructor(private readonly kafka: Kafka) {}

  private async connected(): Promise<Admin> {
    if (!this.admin) {
      this.admin = this.kafka.admin();
      await this.admin.connect();
    }
    return this.admin;
  }

  async create(topics: readonly string[], partitions: number): Promise<void> {
    const admin = await this.connected();
    await admin.createTopics({
      // Event times may be older than the broker's default retention (7 days): keep everything.
      topics: topics.map((topic) => ({
        topic,
        numPartitions: partitions,
        replicationFactor: 1,
        configEntries: [{ name: 'retention.ms', value: '-1' }],
      })),
      waitForLeaders: true,
    });
  }

  async delete(topics: readonly string[]): Promise<void> {
    if (topics.length === 0) return;
    const admin = await this.connected();
    const existing = new Set(await admin.listTopics());
    const names = topics.filter((t) => existing.has(t));
    if (names.length > 0) await admin.deleteTopics({ topics: names }).catch(() => undefined);
  }

  async list(): Promise<string[]> {
    return (await this.connected()).listTopics();
  }

  /** Partition → end offset (the next offset to be written). */
  async endOffsets(topic: string): Promise<Map<number, number>> {
    const offsets = await (await this.connected()).fetchTopicOffsets(topic);
    return new Map(offsets.map((o) => [o.partition, Number(o.high)]));
  }

  /** Records in the topic (nothing is ever deleted from the benchmark's topics during a run). */
  async count(topic: string): Promise<number> {
    let n = 0;
    for (const [, high] of await this.endOffsets(topic)) n += high;
    return n;
  }

  async close(): Promise<void> {
    await this.admin?.disconnect().catch(() => undefined);
    this.admin = undefined;
  }
}
