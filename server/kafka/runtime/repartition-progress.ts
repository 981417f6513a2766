/**
 * What a join's repartition inputs still have to come, as one engine sees it: the source
 * partitions behind them not yet read to their high watermark, and per repartition partition the
 * records this query wrote versus read back. Until both say done, the join's other inputs do not
 * run ahead (a bid re-keyed by auction must not meet a later auction). Another engine's writes
 * are not seen: across engines the order is Kafka Streams'.
 */
export class RepartitionProgress {
  /** "topic:partition" of a source feeding a repartition → still behind its high watermark. */
  private readonly upstreamBehind = new Map<string, boolean>();
  private readonly written = new Map<string, number>();
  private readonly read = new Map<string, number>();

  /** @param topics the repartition topics that are join inputs */
  constructor(readonly topics: ReadonlySet<string>) {}

  /** A source partition's position: a batch of it was processed, or its lag was looked up. */
  sourceAt(topic: string, partition: number, behind: boolean): void {
    this.upstreamBehind.set(`${topic}:${partition}`, behind);
  }

  recordsRead(topic: string, partition: number, count: number): void {
    if (!this.topics.has(topic)) return;
    const key = `${topic}:${partition}`;
    this.read.set(key, (this.read.get(key) ?? 0) + count);
  }

  recordsWritten(records: readonly { readonly topic: string; readonly partition: number }[]): void {
    for (const r of records) {
      if (!this.topics.has(r.topic)) continue;
      const key = `${r.topic}:${r.partition}`;
      this.written.set(key, (this.written.get(key) ?? 0) + 1);
    }
  }

  /** Whether `topic`'s partition `partition` has more records on their way than it shows. */
  pending(topic: string, partition: number): boolean {
    for (const behind of this.upstreamBehind.values()) if (behind) return true;
    const key = `${topic}:${partition}`;
    return (this.written.get(key) ?? 0) > (this.read.get(key) ?? 0);
  }

  /** After a rebalance the consumer reads again from the committed offsets. */
  clear(): void {
    this.upstreamBehind.clear();
    this.written.clear();
    this.read.clear();
  }
}
