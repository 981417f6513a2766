import { bindError } from '../bind/bind-error';
import { bindExpression } from '../bind/bind-expression';
import type { BoundExpr } from '../bind/bound-expr';
import type { DataSource } from '../types/data-source';
import type { AliasedRelation, Expression, Join, SelectStmt } from '../sql/ast';
import { formatExpression } from '../sql';
import type { WindowInfo } from '../types/formats';
import type { JoinNode, PlanNode, RekeyNode, SourceNode } from './nodes';
import { scopeOf, type PlanColumn } from './plan-schema';
import type { PlannerContext } from './planner-context';
import { sourceColumns } from './source-columns';

export interface RelationInfo {
  readonly alias: string;
  readonly sourceName: string;
  /** Column range of this relation in the joined row. */
  readonly start: number;
  readonly end: number;
}

export interface FromResult {
  readonly node: PlanNode;
  readonly relations: readonly RelationInfo[];
  readonly window?: WindowInfo;
}

function resolveSource(rel: AliasedRelation, ctx: PlannerContext): DataSource {
  const source = ctx.catalog.source(rel.name.name);
  if (!source) {
    throw bindError(`${rel.name.name} does not exist.`, rel.name.span);
  }
  return source;
}

function sourceNode(rel: AliasedRelation, ctx: PlannerContext): SourceNode {
  const source = resolveSource(rel, ctx);
  const alias = rel.alias?.name ?? source.name;
  return {
    node: 'Source',
    source,
    alias,
    columns: sourceColumns(source, alias),
    semantics: source.kind === 'TABLE' ? 'table' : 'stream',
  };
}

/** FROM and JOINs: one source, or a left-deep tree of joins. */
export function planFrom(stmt: SelectStmt, ctx: PlannerContext): FromResult {
  const first = sourceNode(stmt.from, ctx);
  let node: PlanNode = first;
  const relations: RelationInfo[] = [
    { alias: first.alias, sourceName: first.source.name, start: 0, end: first.columns.length },
  ];
  let window = first.source.window;
  stmt.joins.forEach((join, i) => {
    const right = sourceNode(join.right, ctx);
    if (relations.some((r) => r.alias === right.alias)) {
      throw bindError(
        `Can not join '${right.alias}' to '${right.alias}': self joins need an alias on each side`,
        join.right.span,
      );
    }
    const leftWindowed = node.columns.some((c) => c.role === 'window');
    const rightWindowed = right.source.window !== undefined;
    if (leftWindowed !== rightWindowed) {
      throw bindError(
        `Can not join windowed source to non-windowed source.\n\`${first.source.name}\` is ${leftWindowed ? `${window?.type ?? ''} windowed` : 'not windowed'}\n\`${right.source.name}\` is ${rightWindowed ? `${right.source.window?.type ?? ''} windowed` : 'not windowed'}`,
        join.span,
      );
    }
    node = planJoin(node, right, join, relations, ctx, i);
    relations.push({
      alias: right.alias,
      sourceName: right.source.name,
      start: node.columns.length - right.columns.length,
      end: node.columns.length,
    });
    window ??= right.source.window;
  });
  return { node, relations, ...(window ? { window } : {}) };
}

function planJoin(
  left: PlanNode,
  right: SourceNode,
  join: Join,
  relations: readonly RelationInfo[],
  ctx: PlannerContext,
  index: number,
): PlanNode {
  if (join.equalities.length === 0) {
    throw bindError(
      `Unsupported join expression: ${formatExpression(join.on)}. Joins need equalities between the two sides.`,
      join.on.span,
    );
  }
  const leftAliases = relations.map((r) => r.alias);
  const leftScope = scopeOf(left.columns, leftAliases, 'JOIN');
  const rightScope = scopeOf(right.columns, [right.alias], 'JOIN');
  const leftKeys: BoundExpr[] = [];
  const rightKeys: BoundExpr[] = [];
  for (const eq of join.equalities) {
    const a =
      trySides(eq.left, eq.right, leftScope, rightScope, ctx) ??
      trySides(eq.right, eq.left, leftScope, rightScope, ctx);
    if (!a) {
      throw bindError(
        `Invalid comparison expression '${formatExpression(eq.left)}' in join '(${formatExpression(join.on)})'. Each side of the join comparision must contain references from exactly one source.`,
        eq.span,
      );
    }
    leftKeys.push(a[0]);
    rightKeys.push(a[1]);
  }
  const leftKind = left.semantics;
  const rightKind = right.semantics;
  if (leftKind === 'table' && rightKind === 'stream') {
    throw bindError(
      `Invalid join order: table-stream joins are not supported; only stream-table joins. Got ${relations[0]?.sourceName ?? ''} ${join.joinType} JOIN ${right.source.name}.`,
      join.span,
    );
  }
  let shape: JoinNode['shape'];
  if (leftKind === 'stream' && rightKind === 'stream') {
    if (!join.within)
      throw bindError(
        'Stream-Stream joins must have a WITHIN clause specified. None was provided.',
        join.span,
      );
    shape = 'stream-stream';
  } else {
    if (join.within)
      throw bindError(
        'A window definition was provided for a Stream-Table join. These joins are not windowed.',
        join.within.span,
      );
    const rightOnKey = isKeyOf(rightKeys, right.columns);
    if (leftKind === 'stream') {
      if (join.joinType !== 'INNER' && join.joinType !== 'LEFT') {
        throw bindError(
          `Stream-Table joins only support INNER and LEFT joins, not ${join.joinType}.`,
          join.span,
        );
      }
      if (!rightOnKey) {
        throw bindError(
          `Invalid join condition: stream-table joins require to join on the table's primary key. Got ${formatExpression(join.equalities[0]!.left)} = ${formatExpression(join.equalities[0]!.right)}.`,
          join.on.span,
        );
      }
      shape = 'stream-table';
    } else {
      const leftOnKey = isKeyOf(leftKeys, left.columns);
      if (!rightOnKey) {
        throw bindError(
          `Invalid join condition: table-table joins require to join on the primary key of the right input table. Got ${formatExpression(join.equalities[0]!.left)} = ${formatExpression(join.equalities[0]!.right)}.`,
          join.on.span,
        );
      }
      shape = leftOnKey ? 'table-table' : 'foreign-key';
      if (shape === 'foreign-key' && join.joinType !== 'INNER' && join.joinType !== 'LEFT') {
        throw bindError(
          `Foreign-key table-table joins only support INNER and LEFT joins, not ${join.joinType}.`,
          join.span,
        );
      }
    }
  }

  // Re-key the stream side when it is not keyed by the join expression (ksqlDB's implicit repartition).
  let leftInput = left;
  let leftKeyExprs = leftKeys;
  if (shape !== 'foreign-key' && !isKeyOf(leftKeys, left.columns)) {
    if (left.columns.some((c) => c.role === 'window')) {
      throw bindError(
        'Implicit repartitioning of windowed sources is not supported. See https://github.com/confluentinc/ksql/issues/4385.',
        join.span,
      );
    }
    const columns: PlanColumn[] = [
      ...leftKeys.map((k, i): PlanColumn => ({
        name: `KSQL_JOIN_KEY_${i}`,
        type: k.type ?? { kind: 'STRING' },
        role: 'key',
        qualifiers: [],
      })),
      ...left.columns.map((c): PlanColumn => (c.role === 'key' ? { ...c, role: 'value' } : c)),
    ];
    const rekey: RekeyNode = {
      node: 'Rekey',
      input: left,
      keys: leftKeys,
      name: `Join-left-${index}`,
      columns,
      semantics: left.semantics,
    };
    leftInput = rekey;
    leftKeyExprs = leftKeys.map((k, i): BoundExpr => shift(k, leftKeys.length, i));
  }
  let rightInput: PlanNode = right;
  let rightKeyExprs = rightKeys;
  if (shape === 'stream-stream' && !isKeyOf(rightKeys, right.columns)) {
    const columns: PlanColumn[] = [
      ...rightKeys.map((k, i): PlanColumn => ({
        name: `KSQL_JOIN_KEY_${i}`,
        type: k.type ?? { kind: 'STRING' },
        role: 'key',
        qualifiers: [],
      })),
      ...right.columns.map((c): PlanColumn => (c.role === 'key' ? { ...c, role: 'value' } : c)),
    ];
    rightInput = {
      node: 'Rekey',
      input: right,
      keys: rightKeys,
      name: `Join-right-${index}`,
      columns,
      semantics: 'stream',
    } satisfies RekeyNode;
    rightKeyExprs = rightKeys.map((k, i): BoundExpr => shift(k, rightKeys.length, i));
  }

  // Output row: the left columns then the right columns. The key columns are the join expressions'
  // columns on both sides (the projection must include one of each pair).
  const leftCols = leftInput.columns.map((c): PlanColumn =>
    c.role === 'key' && leftInput !== left ? { ...c, role: 'pseudo' } : demote(c),
  );
  const rightCols = rightInput.columns.map((c): PlanColumn =>
    c.role === 'key' && rightInput !== right ? { ...c, role: 'pseudo' } : demote(c),
  );
  const offset = leftCols.length;
  const keyExprs = leftKeyExprs.map((k) => k);
  const markKey = (cols: PlanColumn[], exprs: readonly BoundExpr[], base: number): void => {
    for (const e of exprs) {
      const target = e.kind === 'Column' ? e.index : -1;
      const original = target >= 0 ? findOriginal(cols, target, base) : -1;
      if (original >= 0) cols[original] = { ...cols[original]!, role: 'key' };
    }
  };
  const leftMarked = [...leftCols];
  markKey(leftMarked, shape === 'foreign-key' ? [] : leftKeys, 0);
  const rightMarked = [...rightCols];
  markKey(rightMarked, rightKeys, 0);
  const columns = [...leftMarked, ...rightMarked];
  const within = join.within
    ? {
        beforeMs: join.within.before.millis,
        afterMs: join.within.after.millis,
        ...(join.within.grace ? { graceMs: join.within.grace.millis } : {}),
      }
    : undefined;
  return {
    node: 'Join',
    joinType: join.joinType,
    shape,
    left: leftInput,
    right: rightInput,
    ...(shape === 'foreign-key' ? { foreignKey: leftKeys[0]! } : {}),
    ...(within ? { within } : {}),
    keyExprs: shape === 'foreign-key' ? keysOf(leftInput.columns) : keyExprs,
    name: `Join-${index}`,
    columns: columns.map((c, i) => (i >= offset ? c : c)),
    semantics: shape === 'stream-stream' || shape === 'stream-table' ? 'stream' : 'table',
  };
  void rightKeyExprs;
}

function trySides(
  a: Expression,
  b: Expression,
  leftScope: ReturnType<typeof scopeOf>,
  rightScope: ReturnType<typeof scopeOf>,
  ctx: PlannerContext,
): [BoundExpr, BoundExpr] | undefined {
  try {
    return [
      bindExpression(a, { scope: leftScope, types: ctx.types }),
      bindExpression(b, { scope: rightScope, types: ctx.types }),
    ];
  } catch {
    return undefined;
  }
}

function isKeyOf(keys: readonly BoundExpr[], columns: readonly PlanColumn[]): boolean {
  const keyIdx = columns.map((c, i) => (c.role === 'key' ? i : -1)).filter((i) => i >= 0);
  return keys.length === keyIdx.length && keys.every((k, i) => k.kind === 'Column' && k.index === keyIdx[i]);
}

function keysOf(columns: readonly PlanColumn[]): BoundExpr[] {
  return columns.flatMap((c, i): BoundExpr[] =>
    c.role === 'key' ? [{ kind: 'Column', index: i, name: c.name, type: c.type }] : [],
  );
}

function shift(k: BoundExpr, _count: number, i: number): BoundExpr {
  return { kind: 'Column', index: i, name: `KSQL_JOIN_KEY_${i}`, type: k.type ?? { kind: 'STRING' } };
}

function demote(c: PlanColumn): PlanColumn {
  return c.role === 'key' ? { ...c, role: 'value' } : c;
}

function findOriginal(cols: readonly PlanColumn[], index: number, _base: number): number {
  return index < cols.length ? index : -1;
}
