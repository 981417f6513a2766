import type { CatalogView } from '../bind/catalog-view';
import type { Expression } from '../sql/ast';
import { formatExpression } from '../sql';
import type { TypeResolver } from '../bind/types';

/** What planning one SELECT needs besides the statement. */
export interface PlannerContext {
  readonly catalog: CatalogView;
  readonly types: TypeResolver;
  /** Persistent queries (CSAS/CTAS/INSERT) have ksqlDB's stricter key rules. */
  readonly persistent: boolean;
  /** The sink's name, for messages ("The query used to build `X` …"). */
  readonly sinkName?: string;
  /** The query's properties; some tune functions (`ksql.functions.collect_set.limit`). */
  readonly properties?: Readonly<Record<string, string>>;
}

/** Structural equality of expressions as the user wrote them (spans ignored). */
export function sameExpression(a: Expression, b: Expression): boolean {
  return formatExpression(a) === formatExpression(b);
}
