import type { AggregateNode, PlanNode, RekeyNode, SourceNode } from '../../plan/nodes';
import { columnsUsed } from '../../bind/bound-expr';
import { keyIndexes } from '../../plan/plan-schema';
import { compileExpressions } from '../expr/compile-expression';
import { AggregateOperator, type AggregateSpec, type GroupState } from '../operators/aggregate';
import { FilterOperator } from '../operators/filter';
import { FlatMapOperator } from '../operators/flat-map';
import { ProjectOperator } from '../operators/project';
import { RekeyOperator } from '../operators/rekey';
import { TableSourceOperator } from '../operators/table-source';
import { WindowedAggregateOperator, type PaneState } from '../operators/windowed-aggregate';
import type { ProcessingContext, Processor } from '../processor';
import { KeyValueStore, type StoreCodec } from '../state/key-value-store';
import { buildJoin } from './build-join';
import { buildSessionAggregate, buildSuppress } from './build-stateful';

/** Where decoded source records enter the topology. */
export interface SourcePort {
  readonly node: SourceNode;
  readonly port: Processor;
}

/** Where records read back from a repartition topic re-enter the topology (above a cut Rekey). */
export interface RepartitionPort {
  readonly node: RekeyNode;
  readonly port: Processor;
}

export interface TopologyOptions {
  /**
   * Cuts the plan at a Rekey: returns the processor that writes the re-keyed records to the
   * repartition topic, or undefined to keep the Rekey in-process (the default).
   */
  readonly repartition?: (node: RekeyNode) => Processor | undefined;
}

export interface Topology {
  readonly sources: readonly SourcePort[];
  readonly repartitions: readonly RepartitionPort[];
  /** Every state store, by name, for changelogs, restore and memory accounting. */
  readonly stores: ReadonlyMap<string, KeyValueStore<unknown>>;
}

/**
 * Wires the operators of a plan, from the output back to the sources (push-based: each operator
 * knows its downstream). Rekeys are in-process here; the Kafka runtime splits the plan at them
 * into sub-topologies connected by repartition topics.
 */
export function buildTopology(
  root: PlanNode,
  output: Processor,
  ctx: ProcessingContext,
  options: TopologyOptions = {},
): Topology {
  const sources: SourcePort[] = [];
  const repartitions: RepartitionPort[] = [];
  const stores = new Map<string, KeyValueStore<unknown>>();
  const store = <V>(name: string, codec?: StoreCodec<V>): KeyValueStore<V> => {
    const s = new KeyValueStore<V>(name, undefined, codec);
    stores.set(name, s as KeyValueStore<unknown>);
    return s;
  };
  const onCallError =
    (step: string) =>
    (error: unknown): void =>
      ctx.reportError({
        kind: 'RECORD_PROCESSING',
        step,
        message: error instanceof Error ? error.message : String(error),
        cause: error,
      });
  const compile = (exprs: Parameters<typeof compileExpressions>[0], step: string) =>
    compileExpressions(exprs, onCallError(step));
  const build = (node: PlanNode, next: Processor): void => {
    switch (node.node) {
      case 'Source': {
        if (node.semantics === 'table') {
          const materialized = new TableSourceOperator(
            keyIndexes(node.columns),
            store<unknown[]>(`${node.alias}-source`),
            next,
          );
          sources.push({ node, port: materialized });
        } else {
          sources.push({ node, port: next });
        }
        return;
      }
      case 'Filter':
        return build(
          node.input,
          new FilterOperator(
            compile([node.predicate], 'Filter')[0]!,
            node.semantics === 'table',
            keyIndexes(node.columns),
            next,
            ctx,
          ),
        );
      case 'Project': {
        // On a tombstone only the key survives: a key output is computed when it depends on key
        // columns alone (ksqlDB's rule; `ABS(value)` or ROWTIME would read a missing value).
        const inputKey = (i: number) => ['key', 'window'].includes(node.input.columns[i]?.role ?? '');
        const keyOutputs = node.columns.map(
          (c, i) =>
            (c.role === 'key' || c.role === 'window') && [...columnsUsed(node.exprs[i]!)].every(inputKey),
        );
        return build(node.input, new ProjectOperator(compile(node.exprs, 'Project'), keyOutputs, next, ctx));
      }
      case 'FlatMap':
        return build(
          node.input,
          new FlatMapOperator(
            node.calls.map((c) => ({ invoke: c.fn.invoke.bind(c.fn), args: compile(c.args, 'FlatMap') })),
            next,
            ctx,
          ),
        );
      case 'Rekey': {
        const writer = options.repartition?.(node);
        if (writer) {
          repartitions.push({ node, port: next });
          next = writer;
        }
        return build(
          node.input,
          new RekeyOperator(
            compile(node.keys, 'Rekey'),
            node.semantics === 'table',
            next,
            ctx,
            node.name === 'Aggregate-GroupBy',
          ),
        );
      }
      case 'Aggregate':
        return build(node.input, aggregateOperator(node, next, ctx, store));
      case 'Join':
        return buildJoin(node, next, ctx, store, build);
      case 'Suppress':
        return build(node.input, buildSuppress(node, next, ctx, store));
    }
  };
  build(root, output);
  return { sources, repartitions, stores };
}

function aggregateOperator(
  node: AggregateNode,
  next: Processor,
  ctx: ProcessingContext,
  store: <V>(name: string, codec?: StoreCodec<V>) => KeyValueStore<V>,
): Processor {
  const keyCount = node.columns.filter((c) => c.role === 'key').length;
  const specs: AggregateSpec[] = node.aggregates.map((a) => ({
    aggregator: a.fn.create(),
    args: compileExpressions(a.args),
  }));
  if (!node.window)
    return new AggregateOperator(keyCount, specs, store<GroupState>('Aggregate-Materialize'), next, ctx);
  if (node.window.type === 'SESSION')
    return buildSessionAggregate(keyCount, specs, node.window, next, ctx, store);
  return new WindowedAggregateOperator(
    keyCount,
    specs,
    node.window,
    store<PaneState>('Aggregate-Materialize'),
    next,
    ctx,
  );
}
