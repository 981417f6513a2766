/** How long a task waits for a join input it expects more from (Kafka Streams' max.task.idle.ms). */
export const MAX_IDLE_MS = 2000;

/** Records held per input partition before the consumer pauses it (buffered.records.per.partition). */
export const MAX_BUFFERED = 5000;

/** The parts of a fetched record the alignment needs; the rest travels along untouched. */
export interface TimedRecord {
  readonly timestamp: string;
  readonly offset: string;
}

export interface Run<M extends TimedRecord> {
  readonly topic: string;
  readonly partition: number;
  readonly messages: readonly M[];
}

interface Input<M> {
  readonly topic: string;
  readonly partition: number;
  queue: M[];
  /** Timestamp of the last record handed out. */
  lastTs: number;
  /** The last batch offered ended at the partition's high watermark. */
  endsAtHighWatermark: boolean;
}

/**
 * A task's join inputs taken in timestamp order, as Kafka Streams' PartitionGroup does, so that a
 * stream record meets the table as it was at the record's time even while catching up. Fetched
 * batches are queued here; `next` hands out the longest run of one input that no other input can
 * still precede: every other input has a queued record at least as late, has read all there is,
 * or (for an input that has more to read but nothing queued) has got at least that far. An input
 * the task waits on for MAX_IDLE_MS (never heard from, or silent) stops holding the others back
 * until it speaks again.
 */
export class AlignedInputs<M extends TimedRecord> {
  private readonly inputs = new Map<string, Input<M>>();
  private readonly silent = new Set<string>();
  /** Inputs with more on the way although their fetches reached the high watermark. */
  private readonly pending = new Set<string>();
  private waitingSince: number | undefined;

  /**
   * @param firstOnTies the table sides of stream–table joins: at equal timestamps their records go
   * before the stream's, so a stream record meets a table row written at the same instant (Kafka
   * Streams leaves ties to chance; Nexmark's generator, for one, stamps a seller and their first
   * auction with the same millisecond).
   */
  constructor(
    private readonly topics: ReadonlySet<string>,
    private readonly now: () => number = Date.now,
    private readonly firstOnTies: ReadonlySet<string> = new Set(),
  ) {}

  handles(topic: string): boolean {
    return this.topics.has(topic);
  }

  offer(topic: string, partition: number, messages: readonly M[], endsAtHighWatermark: boolean): void {
    const key = `${topic}:${partition}`;
    const input = this.inputs.get(key) ?? {
      topic,
      partition,
      queue: [],
      lastTs: Number.NEGATIVE_INFINITY,
      endsAtHighWatermark: false,
    };
    input.queue.push(...messages);
    input.endsAtHighWatermark = endsAtHighWatermark;
    this.inputs.set(key, input);
    this.silent.delete(topic);
  }

  /** An input partition with nothing to read (found out before any batch of it arrives). */
  markCaughtUp(topic: string, partition: number): void {
    if (this.inputs.has(`${topic}:${partition}`)) return;
    this.inputs.set(`${topic}:${partition}`, {
      topic,
      partition,
      queue: [],
      lastTs: Number.NEGATIVE_INFINITY,
      endsAtHighWatermark: true,
    });
  }

  /**
   * Says whether an input has more on the way than its high watermark shows: a repartition topic
   * this query is still writing (its upstream is behind, or written records are not read back yet).
   */
  setPending(topic: string, pending: boolean): void {
    if (pending) this.pending.add(topic);
    else this.pending.delete(topic);
  }

  /** Records queued for one input partition (the consumer pauses it past MAX_BUFFERED). */
  queued(topic: string, partition: number): number {
    return this.inputs.get(`${topic}:${partition}`)?.queue.length ?? 0;
  }

  /** The input partitions heard from. */
  inputList(): { topic: string; partition: number }[] {
    return [...this.inputs.values()].map(({ topic, partition }) => ({ topic, partition }));
  }

  /** Whether anything is queued at all (then a timer should call `next` again later). */
  hasQueued(): boolean {
    for (const input of this.inputs.values()) if (input.queue.length > 0) return true;
    return false;
  }

  /** Forgets everything queued: after a rebalance the consumer fetches from the committed offsets. */
  clear(): void {
    this.inputs.clear();
    this.silent.clear();
    this.waitingSince = undefined;
  }

  /** The next run of records that may be processed now, or undefined to wait for more input. */
  next(): Run<M> | undefined {
    let best: Input<M> | undefined;
    for (const input of this.inputs.values()) {
      if (input.queue.length === 0) continue;
      if (!best) best = input;
      else {
        const t = ts(input.queue[0]!);
        const bestTs = ts(best.queue[0]!);
        if (t < bestTs || (t === bestTs && this.goesFirst(input.topic, best.topic))) best = input;
      }
    }
    if (!best) return undefined;
    const head = ts(best.queue[0]!);
    // best may take its records up to `bound`: inclusive, unless an input that goes first on ties
    // may still have a record at exactly that time (`strict`).
    let bound = Number.POSITIVE_INFINITY;
    let strict = false;
    const limit = (t: number, yields: boolean): void => {
      if (t < bound) [bound, strict] = [t, yields];
      else if (t === bound) strict ||= yields;
    };
    let blocked = false;
    for (const topic of this.topics) {
      if (topic === best.topic || this.silent.has(topic)) continue;
      const yields = this.goesFirst(topic, best.topic);
      const inputs = [...this.inputs.values()].filter((i) => i.topic === topic);
      if (inputs.length === 0) blocked = true;
      for (const input of inputs) {
        if (input.queue.length > 0) limit(ts(input.queue[0]!), yields);
        else if (!input.endsAtHighWatermark || this.pending.has(topic)) {
          if (input.lastTs < head || (yields && input.lastTs === head)) blocked = true;
          else limit(input.lastTs, yields);
        }
      }
    }
    if (blocked) {
      const now = this.now();
      this.waitingSince ??= now;
      if (now - this.waitingSince < MAX_IDLE_MS) return undefined;
      // Waited long enough: whoever has nothing queued stops holding the others back.
      for (const topic of this.topics) {
        const queued = [...this.inputs.values()].some((i) => i.topic === topic && i.queue.length > 0);
        if (!queued) this.silent.add(topic);
      }
    }
    this.waitingSince = undefined;
    let count = 1;
    while (count < best.queue.length) {
      const t = ts(best.queue[count]!);
      if (t > bound || (t === bound && strict)) break;
      count++;
    }
    const messages = best.queue.splice(0, count);
    best.lastTs = ts(messages[messages.length - 1]!);
    return { topic: best.topic, partition: best.partition, messages };
  }

  private goesFirst(topic: string, other: string): boolean {
    return this.firstOnTies.has(topic) && !this.firstOnTies.has(other);
  }
}

function ts(m: TimedRecord): number {
  return Number(m.timestamp);
}
