/** Order statistics for benchmark repetitions and latency samples. */

/** The median; the mean of the two middle values for an even count. NaN when empty. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The p-th percentile (0–100) by the nearest-rank method on sorted values: the smallest sample
 * with at least p % of the samples at or below it (what HdrHistogram and most latency tools report).
 */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  if (p <= 0) return sorted[0]!;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

export interface LatencySummary {
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
}

export function summarize(samples: ArrayLike<number>): LatencySummary {
  const sorted = Float64Array.from(samples).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    count: sorted.length,
    p50: percentileOfSorted(sorted, 50),
    p95: percentileOfSorted(sorted, 95),
    p99: percentileOfSorted(sorted, 99),
    max: sorted.length > 0 ? sorted[sorted.length - 1]! : Number.NaN,
    mean: sorted.length > 0 ? sum / sorted.length : Number.NaN,
  };
}

/** A growable buffer of samples (latencies in ms) that avoids per-sample allocation. */
export class SampleBuffer {
  private data = new Float64Array(1024);
  private n = 0;

  add(v: number): void {
    if (this.n === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.n++] = v;
  }

  get length(): number {
    return this.n;
  }

  values(): Float64Array {
    return this.data.subarray(0, this.n);
  }
}

/**
 * Runs `variants` in rounds (A B C, A B C, …) so drift on a shared machine hits each alike, and
 * returns each variant's results in order.
 */
export async function interleave<K extends string, R>(
  variants: readonly K[],
  rounds: number,
  run: (variant: K, round: number) => Promise<R>,
): Promise<Map<K, R[]>> {
  const out = new Map<K, R[]>(variants.map((v) => [v, []]));
  for (let round = 0; round < rounds; round++) {
    for (const v of variants) out.get(v)!.push(await run(v, round));
  }
  return out;
}
