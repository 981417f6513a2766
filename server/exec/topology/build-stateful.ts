import type { SuppressNode, WindowSpec } from '../../plan/nodes';
import type { AggregateSpec } from '../operators/aggregate';
import { SessionAggregateOperator, sessionCodec, type SessionState } from '../operators/session-aggregate';
import { SuppressOperator, type PendingResult } from '../operators/suppress';
import type { ProcessingContext, Processor } from '../processor';
import type { KeyValueStore, StoreCodec } from '../state/key-value-store';

/** SESSION windows (see ../operators/session-aggregate.ts). */
export function buildSessionAggregate(
  keyCount: number,
  specs: readonly AggregateSpec[],
  window: WindowSpec,
  next: Processor,
  ctx: ProcessingContext,
  store: <V>(name: string, codec?: StoreCodec<V>) => KeyValueStore<V>,
): Processor {
  const sessions = store<SessionState>('Aggregate-Materialize', sessionCodec(specs));
  return new SessionAggregateOperator(keyCount, specs, window, sessions, next, ctx);
}

/** EMIT FINAL (see ../operators/suppress.ts). */
export function buildSuppress(
  node: SuppressNode,
  next: Processor,
  _ctx: ProcessingContext,
  store: <V>(name: string) => KeyValueStore<V>,
): Processor {
  const cols = node.input.columns;
  const keys = cols.flatMap((c, i) => (c.role === 'key' ? [i] : []));
  const start = cols.findIndex((c) => c.role === 'window' && c.name === 'WINDOWSTART');
  const end = cols.findIndex((c) => c.role === 'window' && c.name === 'WINDOWEND');
  if (start < 0 || end < 0) throw new Error('EMIT FINAL needs the window bounds in its input rows');
  return new SuppressOperator({ keys, start, end }, node.window, store<PendingResult>('Suppress'), next);
}
