/** The throughput workloads of one benchmark run: baselines and engine queries, with their yardsticks. */
import type { BaselineKind, RdkafkaBaseline } from '../worker/jobs';
import type { QueryId } from '../workloads/sql';
import type { NexmarkTopics } from '../kafka/preload';

export type WorkloadId = BaselineKind | QueryId;

export const BASELINES: readonly BaselineKind[] = ['b1', 'b2', 'b3', 'b4-tumbling', 'b4-hopping'];
/** Run by default only when `npm run bench:rdkafka` has installed the client. */
export const RDKAFKA_BASELINES: readonly RdkafkaBaseline[] = ['b1-rdkafka', 'b3-rdkafka'];
export const STATELESS: readonly QueryId[] = ['q0', 'q1', 'q2', 'q14', 'q21', 'q22'];
export const STATEFUL: readonly QueryId[] = ['q5', 'q7', 'q11', 'q12', 'q17', 'q18'];
export const JOINS: readonly QueryId[] = ['q3', 'q13', 'q20'];
export const QUERIES: readonly QueryId[] = [...STATELESS, ...STATEFUL, ...JOINS];

export function isBaseline(id: WorkloadId): id is BaselineKind {
  return (BASELINES as readonly string[]).includes(id) || isRdkafkaBaseline(id);
}

export function isRdkafkaBaseline(id: WorkloadId): id is RdkafkaBaseline {
  return (RDKAFKA_BASELINES as readonly string[]).includes(id);
}

export function group(id: WorkloadId): 'baseline' | 'stateless' | 'stateful' | 'join' {
  if (isBaseline(id)) return 'baseline';
  if (STATELESS.includes(id)) return 'stateless';
  return STATEFUL.includes(id) ? 'stateful' : 'join';
}

/** The hand-written yardstick each workload's rate is divided by. */
export function yardstick(id: WorkloadId): BaselineKind | undefined {
  // The rdkafka baselines are divided by their kafkajs twins: the client's share of the cost.
  if (isRdkafkaBaseline(id)) return id === 'b1-rdkafka' ? 'b1' : 'b3';
  if (isBaseline(id)) return id === 'b3' ? 'b2' : id === 'b2' ? 'b1' : undefined;
  if (id === 'q5') return 'b4-hopping';
  if (STATEFUL.includes(id)) return 'b4-tumbling';
  return 'b3';
}

/** Input topics each workload reads (the whole topic is its input). */
export function inputsOf(id: WorkloadId, topics: NexmarkTopics): string[] {
  switch (id) {
    case 'q3':
      return [topics.person, topics.auction];
    case 'q13':
      return [topics.side, topics.bid];
    case 'q20':
      return [topics.auction, topics.bid];
    default:
      return [topics.bid];
  }
}
