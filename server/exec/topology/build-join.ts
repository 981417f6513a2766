import type { JoinNode, PlanNode } from '../../plan/nodes';
import type { ProcessingContext, Processor } from '../processor';
import type { KeyValueStore } from '../state/key-value-store';

/**
 * Joins are wired here. Stream–stream, stream–table, table–table and foreign-key joins each have
 * their own operator (see ../operators/join-*.ts).
 */
export function buildJoin(
  node: JoinNode,
  _next: Processor,
  _ctx: ProcessingContext,
  _store: <V>(name: string) => KeyValueStore<V>,
  _build: (node: PlanNode, next: Processor) => void,
): void {
  throw new Error(`${node.shape} joins are not supported by this engine yet`);
}
