import type { QueryPlan } from '../../plan/query-plan';
import type { ResultColumn } from './query-handle';

/** The columns a client sees for a transient query's plan (pseudo and hidden ones are never output). */
export function resultColumns(plan: QueryPlan): ResultColumn[] {
  return plan.columns
    .filter((c) => c.role !== 'pseudo' && !c.hidden)
    .map((c) => ({ name: c.name, type: c.type, key: c.role === 'key' || c.role === 'window' }));
}

/** Positions in the plan's output row of the columns returned by `resultColumns`. */
export function resultIndexes(plan: QueryPlan): number[] {
  return plan.columns.flatMap((c, i) => (c.role === 'pseudo' || c.hidden ? [] : [i]));
}

/** Positions in the plan's output row of the columns that identify a row: its key and window. */
export function identityIndexes(plan: QueryPlan): number[] {
  return plan.columns.flatMap((c, i) => (c.role === 'key' || c.role === 'window' ? [i] : []));
}
