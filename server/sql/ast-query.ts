import type { Span } from '../../lib/contracts/span';
import type { Duration, Identifier } from './ast-common';
import type { Expression } from './ast-expression';

/**
 * A query: `SELECT ... FROM ...`. As a statement it is a push query (`emit` set) or a pull query
 * (`emit` undefined); it is also the body of CREATE ... AS SELECT, INSERT INTO ... SELECT and EXPLAIN.
 * `text` is the exact source text of the query (after variable substitution, without a trailing `;`).
 */
export interface SelectStmt {
  readonly kind: 'SelectStmt';
  readonly items: readonly SelectItem[];
  readonly from: AliasedRelation;
  /** Joins in source order; each one joins the result so far with `right`. */
  readonly joins: readonly Join[];
  readonly window?: WindowExpr;
  readonly where?: Expression;
  readonly groupBy?: GroupingClause;
  readonly partitionBy?: GroupingClause;
  readonly having?: Expression;
  readonly emit?: 'CHANGES' | 'FINAL';
  /** Kappa extension: ORDER BY on pull queries. */
  readonly orderBy?: readonly OrderItem[];
  readonly limit?: number;
  /** Kappa extension: OFFSET on pull queries. */
  readonly offset?: number;
  readonly text: string;
  readonly span: Span;
}

export type SelectItem = SelectAllColumns | SelectStructAll | SelectExpression;

/** `*` or `src.*` */
export interface SelectAllColumns {
  readonly kind: 'SelectAllColumns';
  readonly source?: Identifier;
  readonly span: Span;
}

/** `base->*`: every field of a struct, as separate columns. */
export interface SelectStructAll {
  readonly kind: 'SelectStructAll';
  readonly base: Expression;
  readonly span: Span;
}

export interface SelectExpression {
  readonly kind: 'SelectExpression';
  readonly expression: Expression;
  readonly alias?: Identifier;
  readonly span: Span;
}

/** `name [[AS] alias]` in FROM or JOIN. */
export interface AliasedRelation {
  readonly kind: 'AliasedRelation';
  readonly name: Identifier;
  readonly alias?: Identifier;
  readonly span: Span;
}

export type JoinType = 'INNER' | 'LEFT' | 'RIGHT' | 'FULL';

export interface Join {
  readonly kind: 'Join';
  /** `OUTER` is implied for LEFT/RIGHT/FULL and not recorded. */
  readonly joinType: JoinType;
  readonly right: AliasedRelation;
  readonly within?: JoinWithin;
  /** The ON condition exactly as written. */
  readonly on: Expression;
  /**
   * The condition split into equalities when it is `a = b [AND c = d ...]` (Kappa allows several
   * equalities, ksqlDB one); empty when it has any other shape, which the binder then rejects.
   */
  readonly equalities: readonly JoinEquality[];
  readonly span: Span;
}

export interface JoinEquality {
  readonly kind: 'JoinEquality';
  readonly left: Expression;
  readonly right: Expression;
  readonly span: Span;
}

/** `WITHIN 1 HOUR` (symmetric: before = after) or `WITHIN (1 HOUR, 2 HOURS)`, optional grace. */
export interface JoinWithin {
  readonly kind: 'JoinWithin';
  readonly before: Duration;
  readonly after: Duration;
  readonly symmetric: boolean;
  readonly grace?: Duration;
  readonly span: Span;
}

export type WindowExpr = TumblingWindow | HoppingWindow | SessionWindow;

interface WindowCommon {
  /** ksqlDB's grammar allows an (unused) window name: `WINDOW w TUMBLING (...)`. */
  readonly name?: Identifier;
  readonly retention?: Duration;
  readonly grace?: Duration;
  readonly span: Span;
}
export interface TumblingWindow extends WindowCommon {
  readonly kind: 'TumblingWindow';
  readonly size: Duration;
}
export interface HoppingWindow extends WindowCommon {
  readonly kind: 'HoppingWindow';
  readonly size: Duration;
  readonly advance: Duration;
}
export interface SessionWindow extends WindowCommon {
  readonly kind: 'SessionWindow';
  readonly gap: Duration;
}

/** GROUP BY or PARTITION BY: `a, b` or the parenthesized form `(a, b)` / `()`. */
export interface GroupingClause {
  readonly kind: 'GroupingClause';
  readonly expressions: readonly Expression[];
  /** Covers the keywords too, so fixes can insert text after the clause. */
  readonly span: Span;
}

export interface OrderItem {
  readonly kind: 'OrderItem';
  readonly expression: Expression;
  readonly direction: 'ASC' | 'DESC';
  readonly span: Span;
}
