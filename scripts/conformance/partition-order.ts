import { recordDifference, type ActualRecord } from './compare-records';
import type { QttRecord } from './qtt-schema';

/**
 * Orders a topic's records read from a broker for comparison with the expected list. A broker keeps
 * order within a partition only, so any interleaving of the partitions is a correct write order:
 * this picks, for each expected record in turn, a partition whose next record matches it, and
 * otherwise takes the next record of the lowest partition (so a real difference still shows, at
 * the first place it cannot be explained). Order within each partition is never changed. With one
 * partition the records come back as they are.
 */
export function alignPartitions(
  expected: readonly QttRecord[],
  actual: readonly { readonly partition: number; readonly record: ActualRecord }[],
  noInputs: boolean,
): ActualRecord[] {
  const queues = new Map<number, ActualRecord[]>();
  for (const a of actual) queues.set(a.partition, [...(queues.get(a.partition) ?? []), a.record]);
  if (queues.size <= 1) return actual.map((a) => a.record);
  const partitions = [...queues.keys()].sort((a, b) => a - b);
  const out: ActualRecord[] = [];
  const take = (p: number): void => {
    const next = queues.get(p)?.shift();
    if (next !== undefined) out.push(next);
  };
  for (const e of expected) {
    const match = partitions.find((p) => {
      const head = queues.get(p)?.[0];
      return head !== undefined && recordDifference(e, head, noInputs) === undefined;
    });
    const first = partitions.find((p) => (queues.get(p)?.length ?? 0) > 0);
    if (first === undefined) break;
    take(match ?? first);
  }
  for (const p of partitions) for (const r of queues.get(p) ?? []) out.push(r);
  return out;
}
