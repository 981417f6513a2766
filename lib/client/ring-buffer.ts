/**
 * A fixed-capacity FIFO that overwrites its oldest item when full. Pushing is O(1) and never
 * allocates once the buffer has grown to capacity, so it can take 10,000+ rows a second on the
 * browser's main thread (the result grid) or in the engine (a viewer's bounded send queue).
 * Items are numbered by a running sequence, which gives the grid stable row keys.
 */
export class RingBuffer<T> {
  private items: (T | undefined)[] = [];
  private head = 0; // index of the oldest item
  private count = 0;
  private pushed = 0; // sequence number of the next pushed item

  constructor(private cap: number) {
    if (!Number.isInteger(cap) || cap < 1)
      throw new RangeError(`capacity must be a positive integer: ${cap}`);
  }

  get capacity(): number {
    return this.cap;
  }

  get size(): number {
    return this.count;
  }

  /** Sequence number of the oldest item still held (equal to `totalPushed` when empty). */
  get firstSequence(): number {
    return this.pushed - this.count;
  }

  get totalPushed(): number {
    return this.pushed;
  }

  /** Appends; returns the evicted oldest item when the buffer was full. */
  push(item: T): T | undefined {
    this.pushed++;
    if (this.count < this.cap) {
      const index = (this.head + this.count) % this.cap;
      if (index === this.items.length) this.items.push(item);
      else this.items[index] = item;
      this.count++;
      return undefined;
    }
    const evicted = this.items[this.head];
    this.items[this.head] = item;
    this.head = (this.head + 1) % this.cap;
    return evicted;
  }

  /** The i-th oldest item (0 = oldest); undefined out of range. */
  get(i: number): T | undefined {
    if (i < 0 || i >= this.count) return undefined;
    return this.items[(this.head + i) % this.cap];
  }

  /** The newest item. */
  last(): T | undefined {
    return this.get(this.count - 1);
  }

  /** Removes and returns up to `n` oldest items. */
  shift(n: number): T[] {
    const take = Math.min(n, this.count);
    const out = new Array<T>(take);
    for (let i = 0; i < take; i++) {
      out[i] = this.items[this.head] as T;
      this.items[this.head] = undefined;
      this.head = (this.head + 1) % this.cap;
    }
    this.count -= take;
    return out;
  }

  toArray(): T[] {
    const out = new Array<T>(this.count);
    for (let i = 0; i < this.count; i++) out[i] = this.items[(this.head + i) % this.cap] as T;
    return out;
  }

  /** Replaces the contents (keeping the sequence counter running), e.g. after compaction. */
  replace(items: readonly T[]): void {
    const keep = items.slice(Math.max(0, items.length - this.cap));
    this.items = [...keep];
    this.head = 0;
    this.count = keep.length;
  }

  /** Changes the capacity, keeping the newest items. */
  resize(capacity: number): void {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError(`capacity must be a positive integer: ${capacity}`);
    const all = this.toArray();
    this.cap = capacity;
    this.replace(all);
  }

  clear(): void {
    this.items = [];
    this.head = 0;
    this.count = 0;
  }
}
