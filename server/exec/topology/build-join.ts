import type { JoinNode, PlanNode } from '../../plan/nodes';
import { keyIndexes } from '../../plan/plan-schema';
import { compileExpressions } from '../expr/compile-expression';
import { ForeignKeyJoinOperator } from '../operators/join-foreign-key';
import { JoinOuterBuffer, type OuterEntry } from '../operators/join-outer-buffer';
import type { JoinLayout } from '../operators/join-row';
import { StreamStreamJoinOperator, joinRetentionMs } from '../operators/join-stream-stream';
import { StreamTableJoinOperator } from '../operators/join-stream-table';
import { TableTableJoinOperator, type TimedRow } from '../operators/join-table-table';
import { JoinWindowStore, type WindowEntry } from '../operators/join-window-store';
import type { ProcessingContext, Processor } from '../processor';
import type { KeyValueStore } from '../state/key-value-store';

/**
 * Wires a join: one operator per shape (see ../operators/join-*.ts), its state in stores named
 * after the join, and its two inputs built into the operator's left and right ports.
 */
export function buildJoin(
  node: JoinNode,
  next: Processor,
  ctx: ProcessingContext,
  store: <V>(name: string) => KeyValueStore<V>,
  build: (node: PlanNode, next: Processor) => void,
): void {
  const layout: JoinLayout = {
    leftKey: keyIndexes(node.left.columns),
    rightKey: keyIndexes(node.right.columns),
    leftWidth: node.left.columns.length,
    rightWidth: node.right.columns.length,
  };
  const ports = joinOperator(node, layout, next, ctx, store);
  build(node.left, ports.left);
  build(node.right, ports.right);
}

function joinOperator(
  node: JoinNode,
  layout: JoinLayout,
  next: Processor,
  ctx: ProcessingContext,
  store: <V>(name: string) => KeyValueStore<V>,
): { left: Processor; right: Processor } {
  const name = node.name;
  switch (node.shape) {
    case 'stream-stream': {
      const within = node.within ?? { beforeMs: 0, afterMs: 0 };
      const spec = { joinType: node.joinType, ...within, layout };
      const retention = joinRetentionMs(spec);
      const stores = {
        left: new JoinWindowStore(store<WindowEntry[]>(`${name}-left-store`), retention),
        right: new JoinWindowStore(store<WindowEntry[]>(`${name}-right-store`), retention),
      };
      const outer =
        within.graceMs !== undefined && node.joinType !== 'INNER'
          ? new JoinOuterBuffer(store<OuterEntry>(`${name}-outer-store`))
          : undefined;
      return new StreamStreamJoinOperator(spec, stores, outer, next);
    }
    case 'stream-table':
      return new StreamTableJoinOperator(
        node.joinType === 'LEFT',
        layout,
        store<unknown[]>(`${name}-right-table`),
        next,
      );
    case 'table-table':
      return new TableTableJoinOperator(
        node.joinType,
        layout,
        { left: store<TimedRow>(`${name}-left-table`), right: store<TimedRow>(`${name}-right-table`) },
        next,
      );
    case 'foreign-key': {
      const onError = (error: unknown): void =>
        ctx.reportError({
          kind: 'RECORD_PROCESSING',
          step: 'Join',
          message: error instanceof Error ? error.message : String(error),
          cause: error,
        });
      return new ForeignKeyJoinOperator(
        node.joinType === 'LEFT',
        layout,
        compileExpressions(node.foreignKey ?? [], onError),
        {
          left: store<TimedRow>(`${name}-left-table`),
          right: store<TimedRow>(`${name}-right-table`),
          subscriptions: store<string[]>(`${name}-subscriptions`),
        },
        next,
        ctx,
      );
    }
  }
}
