import type { TopicDescription, TopicService, TopicSpec } from '../engine/services';
import { partitionFor } from '../kafka/partitioner';
import type { ProduceRecord, RawRecord } from './driver-api';

/** Topics as arrays of records, for the deterministic driver. */
export class InMemoryTopics implements TopicService {
  private readonly topics = new Map<string, { partitions: number; records: RawRecord[]; next: number[] }>();
  private readonly listeners = new Set<(record: RawRecord) => void>();

  /** Called after every append (the driver's transient queries follow topics this way). */
  onAppend(listener: (record: RawRecord) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  constructor(private readonly now: () => number) {}

  has(name: string): boolean {
    return this.topics.has(name);
  }

  async partitions(name: string): Promise<number | undefined> {
    return this.topics.get(name)?.partitions;
  }

  async create(spec: TopicSpec): Promise<void> {
    this.createSync(spec.name, spec.partitions);
  }

  createSync(name: string, partitions: number): void {
    if (!this.topics.has(name)) {
      this.topics.set(name, { partitions, records: [], next: Array<number>(partitions).fill(0) });
    }
  }

  async delete(names: readonly string[]): Promise<void> {
    for (const n of names) this.topics.delete(n);
  }

  async list(): Promise<TopicDescription[]> {
    return [...this.topics.entries()].map(([name, t]) => ({
      name,
      partitions: t.partitions,
      replicas: 1,
      messages: t.records.length,
      internal: name.startsWith('_'),
    }));
  }

  names(): string[] {
    return [...this.topics.keys()];
  }

  /** Appends a record (creating the topic with one partition if needed) and returns it. */
  append(record: ProduceRecord): RawRecord {
    this.createSync(record.topic, 1);
    const topic = this.topics.get(record.topic)!;
    const partition = record.partition ?? partitionFor(record.key, topic.partitions);
    const offset = topic.next[partition] ?? 0;
    topic.next[partition] = offset + 1;
    const raw: RawRecord = {
      topic: record.topic,
      partition,
      offset,
      key: record.key,
      value: record.value,
      timestamp: record.timestamp ?? this.now(),
      headers: record.headers ?? [],
    };
    topic.records.push(raw);
    for (const listener of this.listeners) listener(raw);
    return raw;
  }

  records(name: string): readonly RawRecord[] {
    return this.topics.get(name)?.records ?? [];
  }
}
