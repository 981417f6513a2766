/** How long a task waits for a join input it has heard nothing from (Kafka Streams' max.task.idle.ms). */
export const MAX_IDLE_MS = 2000;

interface InputState {
  /** Timestamp of the last record processed. */
  processed: number;
  /** Timestamp of the first record fetched but held back, if any. */
  pending?: number;
  /** Nothing more was available when it was last fetched. */
  caughtUp: boolean;
}

/**
 * Processes a task's join inputs in timestamp order, as Kafka Streams' PartitionGroup does: a
 * batch of one input may go on only up to the time the other inputs have reached (their held-back
 * record, or their last processed one while they have more to read). What is held back is left
 * unresolved, so the consumer fetches it again. Inputs outside `topics` are never held back. An
 * input never heard from holds the others back for at most MAX_IDLE_MS, then counts as caught up.
 */
export class InputAlignment {
  private readonly inputs = new Map<string, InputState>();
  private waitingSince: number | undefined;

  constructor(
    private readonly topics: ReadonlySet<string>,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * How many of a batch's records (timestamps in offset order) may be processed now.
   * `caughtUpAfter`: the batch ends at the partition's high watermark.
   */
  admit(topic: string, partition: number, timestamps: readonly number[], caughtUpAfter: boolean): number {
    if (!this.topics.has(topic) || timestamps.length === 0) return timestamps.length;
    const bound = this.boundFor(topic);
    let count = 0;
    while (count < timestamps.length && timestamps[count]! <= bound) count++;
    if (count === 0) {
      const now = this.now();
      this.waitingSince ??= now;
      if (now - this.waitingSince < MAX_IDLE_MS) {
        const processed = this.inputs.get(`${topic}:${partition}`)?.processed ?? Number.NEGATIVE_INFINITY;
        this.inputs.set(`${topic}:${partition}`, { processed, pending: timestamps[0]!, caughtUp: false });
        return 0;
      }
      // Waited long enough: inputs still silent count as caught up (empty, or not assigned here).
      for (const t of this.topics) if (t !== topic && !this.heardFrom(t)) this.markSilent(t);
      count = timestamps.length;
    }
    this.waitingSince = undefined;
    this.inputs.set(`${topic}:${partition}`, {
      processed: timestamps[count - 1]!,
      ...(count < timestamps.length ? { pending: timestamps[count]! } : {}),
      caughtUp: count === timestamps.length && caughtUpAfter,
    });
    return count;
  }

  /** The latest time `topic` may be processed up to: the earliest point another input is at. */
  private boundFor(topic: string): number {
    let bound = Number.POSITIVE_INFINITY;
    for (const other of this.topics) {
      if (other === topic) continue;
      if (!this.heardFrom(other)) return Number.NEGATIVE_INFINITY;
      for (const [key, state] of this.inputs) {
        if (!key.startsWith(`${other}:`) || state.caughtUp) continue;
        bound = Math.min(bound, state.pending ?? state.processed);
      }
    }
    return bound;
  }

  private heardFrom(topic: string): boolean {
    for (const key of this.inputs.keys()) if (key.startsWith(`${topic}:`)) return true;
    return false;
  }

  private markSilent(topic: string): void {
    this.inputs.set(`${topic}:-1`, { processed: Number.NEGATIVE_INFINITY, caughtUp: true });
  }
}
