/**
 * Order-independent fingerprints of a query's output, computed the same way from the reference
 * (the generated events) and from what a run wrote to Kafka, so a fast wrong answer fails.
 * - streams: the multiset of output rows (count + a sum of row hashes);
 * - tables: the final row per key (Kafka's compaction view: the last record of each key wins).
 */

/** FNV-1a over UTF-16 code units; enough to tell rows apart, not a cryptographic hash. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export interface Digest {
  readonly rows: number;
  readonly sum: number;
}

export function sameDigest(a: Digest, b: Digest): boolean {
  return a.rows === b.rows && a.sum === b.sum;
}

const MOD = 2 ** 48;

export class StreamDigest {
  private rows = 0;
  private sum = 0;

  add(canonicalRow: string): void {
    this.rows++;
    this.sum = (this.sum + hash32(canonicalRow)) % MOD;
  }

  digest(): Digest {
    return { rows: this.rows, sum: this.sum };
  }
}

export class TableDigest {
  private readonly rows = new Map<string, string>();

  /** An upsert; `canonicalRow` null deletes the key (a tombstone). */
  put(key: string, canonicalRow: string | null): void {
    if (canonicalRow === null) this.rows.delete(key);
    else this.rows.set(key, canonicalRow);
  }

  get size(): number {
    return this.rows.size;
  }

  digest(): Digest {
    const s = new StreamDigest();
    for (const [k, v] of this.rows) s.add(`${k}=${v}`);
    return s.digest();
  }
}
