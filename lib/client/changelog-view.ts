/**
 * The current state of an upsert (table) result: one entry per key (key columns and window
 * bounds), updated in place, removed on a tombstone. Entries keep the order in which their key was
 * first seen, so a row does not jump around the grid as it updates; `updatedAt` lets the grid
 * flash what changed. The number of keys is bounded; past it the oldest keys are evicted and counted.
 */
export interface ChangelogEntry {
  readonly key: string;
  values: readonly unknown[];
  /** Time of the last change (ms, caller's clock). */
  updatedAt: number;
  updates: number;
}

export type ChangeKind = 'insert' | 'update' | 'delete' | 'ignored';

export class ChangelogView {
  private readonly entries = new Map<string, ChangelogEntry>();
  private cached: ChangelogEntry[] | null = null;
  evicted = 0;
  version = 0;

  constructor(
    private readonly keyIndexes: readonly number[],
    private maxKeys = 10_000,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  keyOf(values: readonly unknown[]): string {
    return JSON.stringify(this.keyIndexes.map((i) => values[i] ?? null));
  }

  apply(values: readonly unknown[], tombstone: boolean, now: number): ChangeKind {
    const key = this.keyOf(values);
    const existing = this.entries.get(key);
    let kind: ChangeKind;
    if (tombstone) {
      if (!existing) return 'ignored';
      this.entries.delete(key);
      kind = 'delete';
    } else if (existing) {
      existing.values = values;
      existing.updatedAt = now;
      existing.updates++;
      kind = 'update';
    } else {
      this.entries.set(key, { key, values, updatedAt: now, updates: 1 });
      if (this.entries.size > this.maxKeys) {
        const oldest = this.entries.keys().next().value;
        if (oldest !== undefined) this.entries.delete(oldest);
        this.evicted++;
      }
      kind = 'insert';
    }
    this.version++;
    this.cached = null;
    return kind;
  }

  /** Entries in first-seen order; the same array until the next change. */
  rows(): readonly ChangelogEntry[] {
    this.cached ??= [...this.entries.values()];
    return this.cached;
  }

  get(key: string): ChangelogEntry | undefined {
    return this.entries.get(key);
  }

  setMaxKeys(maxKeys: number): void {
    this.maxKeys = maxKeys;
    while (this.entries.size > this.maxKeys) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
      this.evicted++;
    }
    this.cached = null;
    this.version++;
  }

  clear(): void {
    this.entries.clear();
    this.cached = null;
    this.version++;
  }
}
