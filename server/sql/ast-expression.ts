import type { Span } from '../../lib/contracts/span';
import type { Identifier, Literal, TimeUnit, StringLiteral } from './ast-common';
import type { TypeNode } from './ast-type';

/**
 * Every value expression. Parentheses leave no node: a node's span covers the expression itself.
 * Switch on `kind` and end with `assertNever` so a new kind breaks every consumer at compile time.
 */
export type Expression =
  | Literal
  | ColumnRef
  | LambdaVariable
  | Dereference
  | Subscript
  | UnaryExpr
  | ArithmeticExpr
  | ConcatExpr
  | ComparisonExpr
  | LogicalExpr
  | NotExpr
  | BetweenExpr
  | InListExpr
  | LikeExpr
  | IsNullExpr
  | IsDistinctFromExpr
  | SearchedCaseExpr
  | SimpleCaseExpr
  | CastExpr
  | FunctionCall
  | ArrayConstructor
  | MapConstructor
  | StructConstructor
  | LambdaExpr
  | IntervalUnitExpr;

export type ExpressionKind = Expression['kind'];

/** `col` or `src.col`; `source` is the relation name or alias when qualified. */
export interface ColumnRef {
  readonly kind: 'ColumnRef';
  readonly source?: Identifier;
  readonly name: Identifier;
  readonly span: Span;
}

/** A reference to a lambda parameter inside the lambda's body (`x` in `x => x + 1`). */
export interface LambdaVariable {
  readonly kind: 'LambdaVariable';
  readonly name: Identifier;
  readonly span: Span;
}

/** Struct field access `base->field`. */
export interface Dereference {
  readonly kind: 'Dereference';
  readonly base: Expression;
  readonly field: Identifier;
  readonly span: Span;
}

/** `base[index]`: 1-based array index (negative from the end) or map key. */
export interface Subscript {
  readonly kind: 'Subscript';
  readonly base: Expression;
  readonly index: Expression;
  readonly span: Span;
}

/** `-x` / `+x`. A minus directly before a number literal is folded into the literal instead. */
export interface UnaryExpr {
  readonly kind: 'Unary';
  readonly op: '-' | '+';
  readonly operand: Expression;
  readonly span: Span;
}

export type ArithmeticOp = '+' | '-' | '*' | '/' | '%';
export interface ArithmeticExpr {
  readonly kind: 'Arithmetic';
  readonly op: ArithmeticOp;
  readonly left: Expression;
  readonly right: Expression;
  readonly span: Span;
}

/** String concatenation `left || right`. */
export interface ConcatExpr {
  readonly kind: 'Concat';
  readonly left: Expression;
  readonly right: Expression;
  readonly span: Span;
}

/** `!=` is normalized to `<>`. */
export type ComparisonOp = '=' | '<>' | '<' | '<=' | '>' | '>=';
export interface ComparisonExpr {
  readonly kind: 'Comparison';
  readonly op: ComparisonOp;
  readonly left: Expression;
  readonly right: Expression;
  readonly span: Span;
}

export interface LogicalExpr {
  readonly kind: 'Logical';
  readonly op: 'AND' | 'OR';
  readonly left: Expression;
  readonly right: Expression;
  readonly span: Span;
}

export interface NotExpr {
  readonly kind: 'Not';
  readonly operand: Expression;
  readonly span: Span;
}

export interface BetweenExpr {
  readonly kind: 'Between';
  readonly value: Expression;
  readonly low: Expression;
  readonly high: Expression;
  readonly negated: boolean;
  readonly span: Span;
}

export interface InListExpr {
  readonly kind: 'InList';
  readonly value: Expression;
  readonly list: readonly Expression[];
  readonly negated: boolean;
  readonly span: Span;
}

export interface LikeExpr {
  readonly kind: 'Like';
  readonly value: Expression;
  readonly pattern: Expression;
  readonly escape?: StringLiteral;
  readonly negated: boolean;
  readonly span: Span;
}

export interface IsNullExpr {
  readonly kind: 'IsNull';
  readonly value: Expression;
  readonly negated: boolean;
  readonly span: Span;
}

export interface IsDistinctFromExpr {
  readonly kind: 'IsDistinctFrom';
  readonly left: Expression;
  readonly right: Expression;
  /** `IS NOT DISTINCT FROM` */
  readonly negated: boolean;
  readonly span: Span;
}

export interface WhenClause {
  readonly kind: 'WhenClause';
  readonly condition: Expression;
  readonly result: Expression;
  readonly span: Span;
}

/** `CASE WHEN cond THEN r ... [ELSE e] END` */
export interface SearchedCaseExpr {
  readonly kind: 'SearchedCase';
  readonly whens: readonly WhenClause[];
  readonly else?: Expression;
  readonly span: Span;
}

/** `CASE operand WHEN value THEN r ... [ELSE e] END` */
export interface SimpleCaseExpr {
  readonly kind: 'SimpleCase';
  readonly operand: Expression;
  readonly whens: readonly WhenClause[];
  readonly else?: Expression;
  readonly span: Span;
}

export interface CastExpr {
  readonly kind: 'Cast';
  readonly value: Expression;
  readonly type: TypeNode;
  readonly span: Span;
}

/**
 * `name(args)`. `COUNT(*)` has `star: true` and no args. Lambda arguments are `LambdaExpr` entries
 * of `args`, in source order.
 */
export interface FunctionCall {
  readonly kind: 'FunctionCall';
  readonly name: Identifier;
  readonly args: readonly Expression[];
  readonly star: boolean;
  readonly span: Span;
}

export interface ArrayConstructor {
  readonly kind: 'ArrayConstructor';
  readonly elements: readonly Expression[];
  readonly span: Span;
}

export interface MapEntry {
  readonly kind: 'MapEntry';
  readonly key: Expression;
  readonly value: Expression;
  readonly span: Span;
}
export interface MapConstructor {
  readonly kind: 'MapConstructor';
  readonly entries: readonly MapEntry[];
  readonly span: Span;
}

export interface StructFieldValue {
  readonly kind: 'StructFieldValue';
  readonly name: Identifier;
  readonly value: Expression;
  readonly span: Span;
}
export interface StructConstructor {
  readonly kind: 'StructConstructor';
  readonly fields: readonly StructFieldValue[];
  readonly span: Span;
}

/** `x => body` or `(a, b) => body`; only valid as a function argument. */
export interface LambdaExpr {
  readonly kind: 'Lambda';
  readonly params: readonly Identifier[];
  readonly body: Expression;
  readonly span: Span;
}

/**
 * A bare time unit passed as a function argument, e.g. `TIMESTAMPADD(SECONDS, 5, ts)`. Only the
 * reserved spellings (plural forms and MILLISECOND) are units; `DAY` alone is a column reference, as
 * in ksqlDB.
 */
export interface IntervalUnitExpr {
  readonly kind: 'IntervalUnit';
  readonly unit: TimeUnit;
  readonly span: Span;
}
