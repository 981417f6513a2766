import type { BoundExpr } from '../bind/bound-expr';
import type { DataSource } from '../types/data-source';
import type { ResolvedAggregate, ResolvedTableFunction } from '../exec/functions';
import type { JoinType } from '../sql/ast';
import type { WindowType } from '../types/formats';
import type { PlanColumn } from './plan-schema';

/**
 * The logical plan: immutable nodes tagged by `node`. Every node knows its output columns and
 * whether its output is a stream (every row is an event) or a table changelog (rows upsert or
 * delete by key).
 */
export type PlanNode =
  SourceNode | FilterNode | ProjectNode | FlatMapNode | RekeyNode | AggregateNode | JoinNode | SuppressNode;

interface NodeBase {
  readonly columns: readonly PlanColumn[];
  readonly semantics: 'stream' | 'table';
}

export interface SourceNode extends NodeBase {
  readonly node: 'Source';
  readonly source: DataSource;
  readonly alias: string;
}

export interface FilterNode extends NodeBase {
  readonly node: 'Filter';
  readonly input: PlanNode;
  readonly predicate: BoundExpr;
}

/** Computes `exprs` (one per output column) from each input row. */
export interface ProjectNode extends NodeBase {
  readonly node: 'Project';
  readonly input: PlanNode;
  readonly exprs: readonly BoundExpr[];
}

export interface TableFunctionCall {
  readonly fn: ResolvedTableFunction;
  readonly args: readonly BoundExpr[];
}

/** Table functions (EXPLODE…): one output row per produced element; input columns come first. */
export interface FlatMapNode extends NodeBase {
  readonly node: 'FlatMap';
  readonly input: PlanNode;
  readonly calls: readonly TableFunctionCall[];
}

/**
 * New key from `keys` (PARTITION BY, or before GROUP BY / a join); empty `keys` = no key
 * (PARTITION BY NULL). Output: the new key columns, then the input's other columns (old keys
 * become values). In a distributed run this goes through a repartition topic.
 */
export interface RekeyNode extends NodeBase {
  readonly node: 'Rekey';
  readonly input: PlanNode;
  readonly keys: readonly BoundExpr[];
  /** Names the internal repartition topic: `<query app id>-<name>-repartition`. */
  readonly name: string;
}

export interface AggregateCall {
  readonly fn: ResolvedAggregate;
  readonly args: readonly BoundExpr[];
  /** How the call was written, for EXPLAIN. */
  readonly text: string;
}

export interface WindowSpec {
  readonly type: WindowType;
  readonly sizeMs: number;
  /** HOPPING only. */
  readonly advanceMs?: number;
  /** SESSION only: the inactivity gap (also stored as sizeMs). */
  readonly gapMs?: number;
  readonly graceMs?: number;
  readonly retentionMs?: number;
}

/**
 * GROUP BY: the input's key must already be the group key (a Rekey precedes this node when it is
 * not). Output: key columns, then WINDOWSTART/WINDOWEND when windowed, then one column per call.
 */
export interface AggregateNode extends NodeBase {
  readonly node: 'Aggregate';
  readonly input: PlanNode;
  readonly aggregates: readonly AggregateCall[];
  readonly window?: WindowSpec;
}

/**
 * Output row: the join key (the left input's key columns and window bounds, or the right's when
 * the left side is absent in an outer join), then the left input's row, then the right input's
 * row (all NULL for a missing side). Both inputs are keyed by the join expressions (a Rekey
 * precedes a side that was not), except the left side of a foreign-key join.
 */
export interface JoinNode extends NodeBase {
  readonly node: 'Join';
  readonly joinType: JoinType;
  readonly shape: 'stream-stream' | 'stream-table' | 'table-table' | 'foreign-key';
  readonly left: PlanNode;
  readonly right: PlanNode;
  /** Foreign-key joins: the left expressions that select the right table's key. */
  readonly foreignKey?: readonly BoundExpr[];
  /** Stream-stream joins; `graceMs` only when GRACE PERIOD was written (it changes outer results). */
  readonly within?: { readonly beforeMs: number; readonly afterMs: number; readonly graceMs?: number };
  /** Names the operator's state stores. */
  readonly name: string;
}

/** EMIT FINAL: holds windowed results until the window closes (stream time ≥ end + grace). */
export interface SuppressNode extends NodeBase {
  readonly node: 'Suppress';
  readonly input: PlanNode;
  readonly window: WindowSpec;
}

/** Children of a node, for generic walks. */
export function inputsOf(n: PlanNode): readonly PlanNode[] {
  switch (n.node) {
    case 'Source':
      return [];
    case 'Join':
      return [n.left, n.right];
    default:
      return [n.input];
  }
}
