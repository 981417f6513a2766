import type { WindowInfo } from '../types/formats';
import type { PlanNode } from './nodes';
import type { PlanColumn } from './plan-schema';

/**
 * A planned SELECT: the operator tree and what its output means. For persistent queries the
 * output columns are in sink order (key columns first); for transient queries in SELECT order.
 */
export interface QueryPlan {
  readonly root: PlanNode;
  /** Final output columns; `role` says which form the record key. */
  readonly columns: readonly PlanColumn[];
  readonly semantics: 'stream' | 'table';
  /** Window of the output key (windowed aggregations). */
  readonly window?: WindowInfo;
  /** Names of the catalog sources read, in FROM/JOIN order. */
  readonly sources: readonly string[];
  readonly limit?: number;
  readonly emit: 'CHANGES' | 'FINAL' | 'NONE';
}
