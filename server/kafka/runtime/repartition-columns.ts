import { columnsUsed } from '../../bind/bound-expr';
import { inputsOf, type PlanNode } from '../../plan/nodes';
import type { QueryPlan } from '../../plan/query-plan';

/**
 * Per GROUP BY repartition (by Rekey name), the row positions the aggregate reads: its key columns
 * and its calls' arguments. The repartition topic carries only those values (the others as NULL,
 * so positions stay put): a Nexmark bid re-keyed for `MAX(price)` no longer ships its URL and
 * padding through Kafka twice. Rekeys that feed anything else keep every column.
 */
export function repartitionColumnsNeeded(plan: QueryPlan): Map<string, ReadonlySet<number>> {
  const needed = new Map<string, ReadonlySet<number>>();
  const visit = (node: PlanNode): void => {
    if (node.node === 'Aggregate' && node.input.node === 'Rekey') {
      const used = new Set<number>();
      for (let i = 0; i < node.input.keys.length; i++) used.add(i);
      for (const call of node.aggregates) for (const arg of call.args) columnsUsed(arg, used);
      needed.set(node.input.name, used);
    }
    for (const child of inputsOf(node)) visit(child);
  };
  visit(plan.root);
  return needed;
}

/** The row with the values no reader needs replaced by NULL. */
export function keepColumns(row: readonly unknown[], needed: ReadonlySet<number> | undefined): unknown[] {
  if (!needed) return row as unknown[];
  const out = new Array<unknown>(row.length);
  for (let i = 0; i < row.length; i++) out[i] = needed.has(i) ? row[i] : null;
  return out;
}
