import { bindError } from '../bind/bind-error';
import { bindExpression } from '../bind/bind-expression';
import type { BoundExpr } from '../bind/bound-expr';
import type { Expression, Join } from '../sql/ast';
import { formatType, type SqlType } from '../types/sql-type';
import { walkExpression } from './ast-walk';
import type { PlanNode, SourceNode } from './nodes';
import { scopeOf } from './plan-schema';
import { conditionText, orList, qualifiedText, qualify, type ColumnRefLike } from './plan-join-text';
import type { PlannerContext } from './planner-context';

/** A relation of FROM/JOIN and where its columns sit in the row being built. */
export interface RelationInfo {
  readonly alias: string;
  readonly sourceName: string;
  /** Column range of this relation in the joined row. */
  readonly start: number;
  readonly end: number;
}

export interface JoinSide {
  readonly expr: Expression;
  /** Bound against the columns of this side's input (the joined row so far, or the new source). */
  readonly bound: BoundExpr;
  /** Alias of the relation the side references. */
  readonly relation: string;
  readonly sourceName: string;
  /** Qualified, as ksqlDB's messages print it (`T.ID`). */
  readonly text: string;
}

/** One equality of ON, oriented: `left` reads the rows joined so far, `right` the new source. */
export interface JoinCriterion {
  readonly left: JoinSide;
  readonly right: JoinSide;
  /** True when the user wrote the right side first (`ON t2.id = t1.id`). */
  readonly flipped: boolean;
}

/** A relation as the ON condition sees it: its names and the names of its columns. */
export interface JoinCandidate {
  readonly alias: string;
  readonly sourceName: string;
  readonly names: ReadonlySet<string>;
}

/** One equality of ON with its sides attributed to relations and oriented (see JoinCriterion). */
interface OrientedEquality {
  readonly left: Expression;
  readonly right: Expression;
  readonly leftRelation: JoinCandidate;
  readonly rightRelation: JoinCandidate;
  readonly leftText: string;
  readonly rightText: string;
  readonly flipped: boolean;
}

/**
 * Checks which relations the sides of `ON a = b [AND c = d …]` reference, with ksqlDB's rules:
 * each side references exactly one relation, not the same one, and one side references the
 * source being joined (the last candidate). Kappa accepts several equalities (a multi-column
 * key); ksqlDB accepts one, and a repeated equality is still rejected with ksqlDB's message.
 */
export function checkJoinReferences(join: Join, candidates: readonly JoinCandidate[]): OrientedEquality[] {
  const relationOf = (ref: ColumnRefLike): JoinCandidate | undefined => {
    if (ref.source)
      return candidates.find((c) => c.alias === ref.source!.name || c.sourceName === ref.source!.name);
    const found = candidates.filter((c) => c.names.has(ref.name.name));
    return found.length === 1 ? found[0] : undefined;
  };
  const text = (e: Expression): string => qualifiedText(e, (ref) => relationOf(ref)?.alias);
  const wholeCondition = conditionText(qualify(join.on, (ref) => relationOf(ref)?.alias));
  if (join.equalities.length === 0) {
    throw bindError(
      `Invalid join condition: only equalities between the two sides are supported. Got ${wholeCondition}.`,
      join.on.span,
    );
  }
  walkExpression(join.on, (x) => {
    if (x.kind === 'ColumnRef' && x.source && !relationOf(x)) {
      throw bindError(
        `Failed to prepare statement: '${x.source.name}' is not a valid stream/table name or alias.`,
        x.source.span,
      );
    }
    return true;
  });
  const referenced = (e: Expression): JoinCandidate[] => {
    const out: JoinCandidate[] = [];
    walkExpression(e, (x) => {
      if (x.kind !== 'ColumnRef') return true;
      if (!x.source) {
        const found = candidates.filter((c) => c.names.has(x.name.name));
        if (found.length > 1) {
          throw bindError(
            `Column '${x.name.name}' is ambiguous. Could be ${orList(found.map((c) => `${c.alias}.${x.name.name}`))}.`,
            x.span,
          );
        }
        if (found.length === 0)
          throw bindError(`JOIN ON column '${x.name.name}' cannot be resolved.`, x.span);
      }
      const c = relationOf(x)!;
      if (!out.includes(c)) out.push(c);
      return true;
    });
    return out;
  };

  const joined = candidates[candidates.length - 1]!;
  const oriented = join.equalities.map((eq): OrientedEquality => {
    const a = referenced(eq.left);
    const b = referenced(eq.right);
    for (const [e, refs] of [
      [eq.left, a],
      [eq.right, b],
    ] as const) {
      if (refs.length !== 1) {
        throw bindError(
          `Invalid comparison expression '${text(e)}' in join '${wholeCondition}'. Each side of the join comparision must contain references from exactly one source.`,
          e.span,
        );
      }
    }
    const ra = a[0]!;
    const rb = b[0]!;
    if (ra === rb) {
      throw bindError(
        `Each side of the join must reference exactly one source and not the same source. Left side references \`${ra.sourceName}\` and right references \`${rb.sourceName}\``,
        eq.span,
      );
    }
    if (ra !== joined && rb !== joined) {
      throw bindError(
        `A join criteria is expected to reference the source (\`${joined.sourceName}\`) in the FROM clause, instead the right source references \`${rb.sourceName}\` and the left source references \`${ra.sourceName}\``,
        eq.span,
      );
    }
    const flipped = ra === joined;
    return flipped
      ? {
          left: eq.right,
          right: eq.left,
          leftRelation: rb,
          rightRelation: ra,
          leftText: text(eq.right),
          rightText: text(eq.left),
          flipped,
        }
      : {
          left: eq.left,
          right: eq.right,
          leftRelation: ra,
          rightRelation: rb,
          leftText: text(eq.left),
          rightText: text(eq.right),
          flipped,
        };
  });
  const seen = new Set<string>();
  for (const o of oriented) {
    const id = `${o.leftText} = ${o.rightText}`;
    if (seen.has(id)) {
      throw bindError(
        `Invalid join condition: joins on multiple conditions are not yet supported. Got ${wholeCondition}.`,
        join.on.span,
      );
    }
    seen.add(id);
  }
  return oriented;
}

/** The relations joined so far (from their place in `left`'s row) and the source being joined. */
export function joinCandidates(
  relations: readonly RelationInfo[],
  left: PlanNode,
  right: SourceNode,
): JoinCandidate[] {
  return [
    ...relations.map((r) => ({
      alias: r.alias,
      sourceName: r.sourceName,
      names: new Set(
        left.columns
          .slice(r.start, r.end)
          .filter((c) => !c.hidden)
          .map((c) => c.name),
      ),
    })),
    { alias: right.alias, sourceName: right.source.name, names: new Set(right.columns.map((c) => c.name)) },
  ];
}

/**
 * Binds the ON condition of the join of `right` to `left` (see checkJoinReferences); both sides of
 * each equality must have the same type and no MAP (map keys do not serialize consistently).
 */
export function bindJoinCriteria(
  join: Join,
  left: PlanNode,
  relations: readonly RelationInfo[],
  right: SourceNode,
  ctx: PlannerContext,
): JoinCriterion[] {
  const oriented = checkJoinReferences(join, joinCandidates(relations, left, right));
  const leftScope = scopeOf(
    left.columns,
    relations.map((r) => r.alias),
    'JOIN ON',
  );
  const rightScope = scopeOf(right.columns, [right.alias], 'JOIN ON');
  const criteria = oriented.map((o): JoinCriterion => ({
    left: side(
      o.left,
      o.leftRelation,
      bindExpression(o.left, { scope: leftScope, types: ctx.types }),
      o.leftText,
    ),
    right: side(
      o.right,
      o.rightRelation,
      bindExpression(o.right, { scope: rightScope, types: ctx.types }),
      o.rightText,
    ),
    flipped: o.flipped,
  }));
  for (const c of criteria) checkTypes(c);
  return criteria;
}

function side(expr: Expression, c: JoinCandidate, bound: BoundExpr, text: string): JoinSide {
  return { expr, bound, relation: c.alias, sourceName: c.sourceName, text };
}

function checkTypes(c: JoinCriterion): void {
  const lt = c.left.bound.type;
  const rt = c.right.bound.type;
  const [first, second] = c.flipped ? [c.right, c.left] : [c.left, c.right];
  if (lt && rt && formatType(lt) !== formatType(rt)) {
    throw bindError(
      `Invalid join condition: types don't match. Got ${first.text}{${formatType(first.bound.type!)}} = ${second.text}{${formatType(second.bound.type!)}}.`,
      c.left.expr.span,
    );
  }
  if (lt && containsMap(lt)) {
    const name = c.left.expr.kind === 'ColumnRef' ? `${c.left.relation}_${c.left.expr.name.name}` : 'ROWKEY';
    throw bindError(
      `Map keys, including types that contain maps, are not supported as they may lead to unexpected behavior due to inconsistent serialization. Key column name: \`${name}\`. Column type: ${formatType(lt)}. See https://github.com/confluentinc/ksql/issues/6621 for more.`,
      c.left.expr.span,
    );
  }
}

function containsMap(t: SqlType): boolean {
  switch (t.kind) {
    case 'MAP':
      return true;
    case 'ARRAY':
      return containsMap(t.element);
    case 'STRUCT':
      return t.fields.some((f) => containsMap(f.type));
    default:
      return false;
  }
}
