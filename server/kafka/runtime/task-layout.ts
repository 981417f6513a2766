import { inputsOf, type RekeyNode } from '../../plan/nodes';
import type { QueryPlan } from '../../plan/query-plan';

/** Rekeys before a GROUP BY or a join need a repartition topic; PARTITION BY writes the sink by its new key. */
export function needsRepartition(node: RekeyNode): boolean {
  return node.name !== 'PartitionBy';
}

/** Foreign-key joins need the whole right table in one task: the query then runs as one task. */
export function needsSingleTask(plan: QueryPlan): boolean {
  const walk = (n: QueryPlan['root']): boolean =>
    (n.node === 'Join' && n.shape === 'foreign-key') || inputsOf(n).some(walk);
  return walk(plan.root);
}

/** The rekeys that go through a repartition topic. */
export function collectCutRekeys(plan: QueryPlan): RekeyNode[] {
  const out: RekeyNode[] = [];
  const walk = (n: QueryPlan['root']): void => {
    if (n.node === 'Rekey' && needsRepartition(n)) out.push(n);
    for (const child of inputsOf(n)) walk(child);
  };
  walk(plan.root);
  return out;
}
