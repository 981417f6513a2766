import { bindError } from '../bind/bind-error';
import type { BoundExpr } from '../bind/bound-expr';
import type { Join } from '../sql/ast';
import type { WindowInfo } from '../types/formats';
import type { JoinNode, PlanNode, RekeyNode, SourceNode } from './nodes';
import { bindJoinCriteria, type JoinCriterion, type JoinSide, type RelationInfo } from './plan-join-criteria';
import { joinKeyColumns } from './plan-join-key';
import { joinTypeText } from './plan-join-text';
import type { PlanColumn } from './plan-schema';
import type { PlannerContext } from './planner-context';

export interface JoinStep {
  readonly node: JoinNode;
  /** The relations joined so far, moved to their place in the join's row, then the new one. */
  readonly relations: RelationInfo[];
}

const REPARTITION_WINDOWED =
  'Implicit repartitioning of windowed sources is not supported. See https://github.com/confluentinc/ksql/issues/4385.';

/**
 * One JOIN of a left-deep join tree: validates it as ksqlDB does, picks the join's shape, re-keys
 * a stream side that is not keyed by its join expressions (ksqlDB's implicit repartition), and lays
 * out the joined row (see JoinNode).
 */
export function planJoinStep(
  left: PlanNode,
  leftWindow: WindowInfo | undefined,
  relations: readonly RelationInfo[],
  right: SourceNode,
  join: Join,
  name: string,
  ctx: PlannerContext,
): JoinStep {
  let criteria = bindJoinCriteria(join, left, relations, right, ctx);
  const leftName = criteria[0]!.left.sourceName;
  const rightName = right.source.name;
  const got = `Got ${leftName} ${joinTypeText(join.joinType)} ${rightName}.`;
  checkWindows(leftName, leftWindow, rightName, right.source.window);

  if (left.semantics === 'table' && right.semantics === 'stream') {
    throw bindError(
      `Invalid join order: table-stream joins are not supported; only stream-table joins. ${got}`,
      join.span,
    );
  }
  const streamStream = left.semantics === 'stream' && right.semantics === 'stream';
  if (streamStream && !join.within) {
    throw bindError(
      'Stream-Stream joins must have a WITHIN clause specified. None was provided. To learn about how to specify a WITHIN clause with a stream-stream join, please visit: https://docs.confluent.io/current/ksql/docs/syntax-reference.html#create-stream-as-select',
      join.span,
    );
  }
  if (!streamStream && join.within) {
    throw bindError(
      `A window definition was provided for a ${left.semantics === 'stream' ? 'Stream' : 'Table'}-Table join. These joins are not windowed. Please drop the window definition (ie. the WITHIN clause) and try to execute your join again.`,
      join.within.span,
    );
  }

  const rightOnKey = orderBy(criteria, (c) => c.right, right.columns);
  let shape: JoinNode['shape'] = 'stream-stream';
  if (!streamStream) {
    const kind = left.semantics === 'stream' ? 'stream-table' : 'table-table';
    if (kind === 'stream-table' && (join.joinType === 'RIGHT' || join.joinType === 'FULL')) {
      const what = join.joinType === 'FULL' ? 'full-outer' : 'right-outer';
      throw bindError(
        `Invalid join type: ${what} join not supported for stream-table join. ${got}`,
        join.span,
      );
    }
    if (!rightOnKey) {
      const c = criteria[0]!;
      const [a, b] = c.flipped ? [c.right, c.left] : [c.left, c.right];
      const rule =
        kind === 'stream-table'
          ? "stream-table joins require to join on the table's primary key"
          : 'table-table joins require to join on the primary key of the right input table';
      throw bindError(`Invalid join condition: ${rule}. Got ${a.text} = ${b.text}.`, join.on.span);
    }
    criteria = rightOnKey;
    shape = kind;
    if (
      kind === 'table-table' &&
      !keyedBy(
        left,
        criteria.map((c) => c.left),
      )
    ) {
      shape = 'foreign-key';
      if (join.joinType !== 'INNER' && join.joinType !== 'LEFT') {
        throw bindError(
          `Invalid join type: ${join.joinType === 'FULL' ? 'full-outer' : 'right-outer'} join not supported for foreign-key table-table join. ${got}`,
          join.span,
        );
      }
    }
  } else {
    criteria = rightOnKey ?? orderBy(criteria, (c) => c.left, left.columns) ?? criteria;
  }

  const lefts = criteria.map((c) => c.left.bound);
  const rights = criteria.map((c) => c.right.bound);
  const rekeyLeft =
    shape !== 'foreign-key' &&
    shape !== 'table-table' &&
    !keyedBy(
      left,
      criteria.map((c) => c.left),
    );
  const rekeyRight =
    shape === 'stream-stream' &&
    !keyedBy(
      right,
      criteria.map((c) => c.right),
    );
  if ((rekeyLeft && leftWindow) || (rekeyRight && right.source.window)) {
    throw bindError(REPARTITION_WINDOWED, join.span);
  }
  const leftInput = rekeyLeft ? rekey(left, lefts, shape === 'stream-stream' ? `${name}-left` : name) : left;
  const rightInput = rekeyRight ? rekey(right, rights, `${name}-right`) : right;

  const prefix = joinKeyColumns({
    left,
    leftInput,
    right,
    rightInput,
    criteria,
    joinType: join.joinType,
    foreignKey: shape === 'foreign-key',
  });
  const leftOffset = prefix.length + (rekeyLeft ? lefts.length : 0);
  const rightOffset = prefix.length + leftInput.columns.length + (rekeyRight ? rights.length : 0);
  const columns = [...prefix, ...leftInput.columns.map(demote), ...rightInput.columns.map(demote)];
  const within = join.within
    ? {
        beforeMs: join.within.before.millis,
        afterMs: join.within.after.millis,
        ...(join.within.grace ? { graceMs: join.within.grace.millis } : {}),
      }
    : undefined;
  const node: JoinNode = {
    node: 'Join',
    joinType: join.joinType,
    shape,
    left: leftInput,
    right: rightInput,
    ...(shape === 'foreign-key' ? { foreignKey: lefts } : {}),
    ...(within ? { within } : {}),
    name,
    columns,
    semantics: shape === 'stream-stream' || shape === 'stream-table' ? 'stream' : 'table',
  };
  return {
    node,
    relations: [
      ...relations.map((r) => ({ ...r, start: r.start + leftOffset, end: r.end + leftOffset })),
      {
        alias: right.alias,
        sourceName: right.source.name,
        start: rightOffset,
        end: rightOffset + right.columns.length,
      },
    ],
  };
}

function checkWindows(
  leftName: string,
  lw: WindowInfo | undefined,
  rightName: string,
  rw: WindowInfo | undefined,
): void {
  const describe = (w: WindowInfo | undefined): string => (w ? `${w.type} windowed` : 'not windowed');
  if (!lw !== !rw) {
    throw bindError(
      `Can not join windowed source to non-windowed source.\n\`${leftName}\` is ${describe(lw)}\n\`${rightName}\` is ${describe(rw)}`,
    );
  }
  if (!lw || !rw) return;
  if ((lw.type === 'SESSION') !== (rw.type === 'SESSION')) {
    throw bindError(
      `Incompatible windowed sources.\nLeft source: ${lw.type}\nRight source: ${rw.type}\nSession windowed sources can only be joined to other session windowed sources, and may still not result in expected behaviour as session bounds must be an exact match for the join to work\nHopping and tumbling windowed sources can only be joined to other hopping and tumbling windowed sources`,
    );
  }
  // Time windows of different sizes have differently shaped keys: ksqlDB would need to repartition.
  if (lw.type !== 'SESSION' && (lw.sizeMs !== rw.sizeMs || lw.type !== rw.type)) {
    throw bindError(REPARTITION_WINDOWED);
  }
}

/** Positions of the key columns (not the window bounds) of a row. */
export function keyPositions(columns: readonly PlanColumn[]): number[] {
  return columns.flatMap((c, i) => (c.role === 'key' ? [i] : []));
}

/** True when a join side is the row's key column at `position`, or an expression a join made equal to it. */
function isKeyColumn(side: JoinSide, columns: readonly PlanColumn[], position: number): boolean {
  const info = columns[position]?.joinKey;
  if (info?.equivalents.includes(side.text)) return true;
  const e = side.bound;
  return e.kind === 'Column' && (e.index === position || (info?.viable.includes(e.index) ?? false));
}

function keyedBy(node: PlanNode, sides: readonly JoinSide[]): boolean {
  const keys = keyPositions(node.columns);
  return keys.length === sides.length && sides.every((s, i) => isKeyColumn(s, node.columns, keys[i]!));
}

/** The criteria reordered so that `side` lists the row's key columns in order, if it can be. */
function orderBy(
  criteria: readonly JoinCriterion[],
  side: (c: JoinCriterion) => JoinSide,
  columns: readonly PlanColumn[],
): JoinCriterion[] | undefined {
  const keys = keyPositions(columns);
  if (keys.length !== criteria.length) return undefined;
  const out: JoinCriterion[] = [];
  for (const k of keys) {
    const c = criteria.find((x) => !out.includes(x) && isKeyColumn(side(x), columns, k));
    if (!c) return undefined;
    out.push(c);
  }
  return out;
}

function rekey(input: PlanNode, keys: readonly BoundExpr[], name: string): RekeyNode {
  const columns: PlanColumn[] = [
    ...keys.map((k, i): PlanColumn => ({
      name: `KSQL_JOIN_KEY_${i}`,
      type: k.type ?? { kind: 'STRING' },
      role: 'key',
      qualifiers: [],
      hidden: true,
    })),
    ...input.columns.map(demote),
  ];
  return { node: 'Rekey', input, keys, name, columns, semantics: input.semantics };
}

/**
 * A column of an input row inside the joined row: a relation's own key columns become values
 * (`L.A` still reads them); keys and window bounds that belong to no relation (a Rekey's
 * computed key, an earlier join's key) stay in the row for the operators but out of reach.
 */
function demote(c: PlanColumn): PlanColumn {
  if (c.role !== 'key' && c.role !== 'window' && !c.joinKey) return c;
  if (c.qualifiers.length > 0 && !c.hidden) return withRole(c, 'value');
  return { ...withRole(c, 'pseudo'), hidden: true };
}

function withRole(c: PlanColumn, role: PlanColumn['role']): PlanColumn {
  const { joinKey: _joinKey, ...rest } = c;
  return { ...rest, role };
}
