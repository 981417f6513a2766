import type { Span } from '../../lib/contracts/span';
import type { ResolvedScalar } from '../exec/functions';
import type { ArithmeticOp, ComparisonOp } from '../sql/ast';
import type { SqlType } from '../types/sql-type';

/**
 * A type-checked expression whose column references point at positions of the input row. The
 * planner places them; the expression compiler turns them into JavaScript once per query.
 * `type` is null only for an untyped NULL literal.
 */
export type BoundExpr =
  | BoundLiteral
  | BoundColumn
  | BoundLambdaVar
  | BoundCall
  | BoundArithmetic
  | BoundNegate
  | BoundConcat
  | BoundCompare
  | BoundLogical
  | BoundNot
  | BoundIsNull
  | BoundIsDistinct
  | BoundBetween
  | BoundIn
  | BoundLike
  | BoundCase
  | BoundCast
  | BoundDeref
  | BoundSubscript
  | BoundArray
  | BoundMap
  | BoundStruct
  | BoundLambda;

interface Base {
  readonly type: SqlType | null;
  readonly span?: Span;
}

export interface BoundLiteral extends Base {
  readonly kind: 'Literal';
  readonly value: unknown;
}
export interface BoundColumn extends Base {
  readonly kind: 'Column';
  readonly index: number;
  readonly name: string;
  readonly type: SqlType;
}
export interface BoundLambdaVar extends Base {
  readonly kind: 'LambdaVar';
  readonly name: string;
  readonly type: SqlType;
}
export interface BoundCall extends Base {
  readonly kind: 'Call';
  readonly fn: ResolvedScalar;
  readonly args: readonly BoundExpr[];
  readonly type: SqlType;
}
export interface BoundArithmetic extends Base {
  readonly kind: 'Arithmetic';
  readonly op: ArithmeticOp;
  readonly left: BoundExpr;
  readonly right: BoundExpr;
  readonly type: SqlType;
}
export interface BoundNegate extends Base {
  readonly kind: 'Negate';
  readonly operand: BoundExpr;
  readonly type: SqlType;
}
export interface BoundConcat extends Base {
  readonly kind: 'Concat';
  readonly left: BoundExpr;
  readonly right: BoundExpr;
}
/** Both sides are already coerced to `compareType`. */
export interface BoundCompare extends Base {
  readonly kind: 'Compare';
  readonly op: ComparisonOp;
  readonly left: BoundExpr;
  readonly right: BoundExpr;
}
export interface BoundLogical extends Base {
  readonly kind: 'Logical';
  readonly op: 'AND' | 'OR';
  readonly left: BoundExpr;
  readonly right: BoundExpr;
}
export interface BoundNot extends Base {
  readonly kind: 'Not';
  readonly operand: BoundExpr;
}
export interface BoundIsNull extends Base {
  readonly kind: 'IsNull';
  readonly value: BoundExpr;
  readonly negated: boolean;
}
export interface BoundIsDistinct extends Base {
  readonly kind: 'IsDistinct';
  readonly left: BoundExpr;
  readonly right: BoundExpr;
  readonly negated: boolean;
}
export interface BoundBetween extends Base {
  readonly kind: 'Between';
  readonly value: BoundExpr;
  readonly low: BoundExpr;
  readonly high: BoundExpr;
  readonly negated: boolean;
}
export interface BoundIn extends Base {
  readonly kind: 'In';
  readonly value: BoundExpr;
  readonly list: readonly BoundExpr[];
  readonly negated: boolean;
}
export interface BoundLike extends Base {
  readonly kind: 'Like';
  readonly value: BoundExpr;
  readonly pattern: BoundExpr;
  readonly escape?: string;
  readonly negated: boolean;
}
export interface BoundCase extends Base {
  readonly kind: 'Case';
  readonly whens: readonly { readonly condition: BoundExpr; readonly result: BoundExpr }[];
  readonly else?: BoundExpr;
}
export interface BoundCast extends Base {
  readonly kind: 'Cast';
  readonly value: BoundExpr;
  readonly from: SqlType;
  readonly type: SqlType;
}
export interface BoundDeref extends Base {
  readonly kind: 'Deref';
  readonly base: BoundExpr;
  /** The field's name as declared in the struct type. */
  readonly field: string;
  readonly type: SqlType;
}
export interface BoundSubscript extends Base {
  readonly kind: 'Subscript';
  readonly base: BoundExpr;
  readonly index: BoundExpr;
  readonly on: 'ARRAY' | 'MAP';
}
export interface BoundArray extends Base {
  readonly kind: 'Array';
  readonly elements: readonly BoundExpr[];
}
export interface BoundMap extends Base {
  readonly kind: 'Map';
  readonly entries: readonly { readonly key: BoundExpr; readonly value: BoundExpr }[];
}
export interface BoundStruct extends Base {
  readonly kind: 'Struct';
  readonly fields: readonly { readonly name: string; readonly value: BoundExpr }[];
  readonly type: SqlType;
}
export interface BoundLambda extends Base {
  readonly kind: 'Lambda';
  readonly params: readonly string[];
  readonly body: BoundExpr;
}

/** Visits every sub-expression (pre-order). */
export function forEachChild(e: BoundExpr, visit: (child: BoundExpr) => void): void {
  switch (e.kind) {
    case 'Literal':
    case 'Column':
    case 'LambdaVar':
      return;
    case 'Call':
      e.args.forEach(visit);
      return;
    case 'Arithmetic':
    case 'Concat':
    case 'Compare':
    case 'Logical':
    case 'IsDistinct':
      visit(e.left);
      visit(e.right);
      return;
    case 'Negate':
    case 'Not':
      visit(e.operand);
      return;
    case 'IsNull':
    case 'Cast':
      visit(e.value);
      return;
    case 'Between':
      visit(e.value);
      visit(e.low);
      visit(e.high);
      return;
    case 'In':
      visit(e.value);
      e.list.forEach(visit);
      return;
    case 'Like':
      visit(e.value);
      visit(e.pattern);
      return;
    case 'Case':
      for (const w of e.whens) {
        visit(w.condition);
        visit(w.result);
      }
      if (e.else) visit(e.else);
      return;
    case 'Deref':
      visit(e.base);
      return;
    case 'Subscript':
      visit(e.base);
      visit(e.index);
      return;
    case 'Array':
      e.elements.forEach(visit);
      return;
    case 'Map':
      for (const en of e.entries) {
        visit(en.key);
        visit(en.value);
      }
      return;
    case 'Struct':
      for (const f of e.fields) visit(f.value);
      return;
    case 'Lambda':
      visit(e.body);
      return;
  }
}

/** The row positions an expression reads. */
export function columnsUsed(e: BoundExpr, out = new Set<number>()): Set<number> {
  if (e.kind === 'Column') out.add(e.index);
  forEachChild(e, (c) => columnsUsed(c, out));
  return out;
}
