import type { SuppressNode, WindowSpec } from '../../plan/nodes';
import type { AggregateSpec } from '../operators/aggregate';
import type { ProcessingContext, Processor } from '../processor';
import type { KeyValueStore } from '../state/key-value-store';

/** SESSION windows (see ../operators/session-aggregate.ts). */
export function buildSessionAggregate(
  _keyCount: number,
  _specs: readonly AggregateSpec[],
  _window: WindowSpec,
  _next: Processor,
  _ctx: ProcessingContext,
  _store: <V>(name: string) => KeyValueStore<V>,
): Processor {
  throw new Error('SESSION windows are not supported by this engine yet');
}

/** EMIT FINAL (see ../operators/suppress.ts). */
export function buildSuppress(
  _node: SuppressNode,
  _next: Processor,
  _ctx: ProcessingContext,
  _store: <V>(name: string) => KeyValueStore<V>,
): Processor {
  throw new Error('EMIT FINAL is not supported by this engine yet');
}
