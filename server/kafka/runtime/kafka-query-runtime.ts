import type { Kafka } from 'kafkajs';
import type { ProcessingError } from '../../exec/processor';
import type { Logger } from '../../log/logger';
import type { QueryPlan } from '../../plan/query-plan';
import type { DataSource } from '../../types/data-source';
import type { TopicAdmin } from '../topic-admin';
import { KafkaPersistentQuery, type QueryCounters } from './kafka-persistent-query';

/** What the engine hands the runtime for one query (engine/persistent-queries.ts's PlannedQuery). */
export interface RuntimeQuery {
  readonly query: {
    readonly id: string;
    readonly properties: Readonly<Record<string, string>>;
    readonly state: string;
  };
  readonly plan: QueryPlan;
  readonly sink: DataSource;
  readonly catalog: { source(name: string): DataSource | undefined };
}

export interface QueryRuntimeStats extends QueryCounters {
  readonly queryId: string;
  readonly partitions: number[];
  readonly stateEntries: number;
  readonly recordsPerSecond: number;
}

/**
 * Runs persistent queries on Kafka: one consumer group per query (shared with the other engines of
 * the cluster), tasks per partition, repartition and changelog topics. A query that fails is
 * restarted with a back-off (its state comes back from the changelog).
 */
export class KafkaQueryRuntime {
  private readonly queries = new Map<string, KafkaPersistentQuery>();
  private readonly rates = new Map<string, { at: number; processed: number; rate: number }>();

  constructor(
    private readonly kafka: Kafka,
    private readonly admin: TopicAdmin,
    private readonly serviceId: string,
    private readonly log: Logger,
    private readonly onError: (queryId: string, error: ProcessingError) => void = () => {},
  ) {}

  start(planned: RuntimeQuery): void {
    const id = planned.query.id;
    if (this.queries.has(id)) return;
    const sourceTopics = [
      ...new Set(
        planned.plan.sources.map((s) => planned.catalog.source(s)?.topic).filter((t): t is string => !!t),
      ),
    ];
    const q = new KafkaPersistentQuery(
      {
        queryId: id,
        plan: planned.plan,
        sink: planned.sink,
        sourceTopics,
        properties: planned.query.properties,
      },
      this.kafka,
      this.admin,
      this.serviceId,
      this.log.child({ queryId: id }),
      this.onError,
    );
    this.queries.set(id, q);
    if (planned.query.state === 'PAUSED') q.pause();
    void this.run(id, q, 0);
  }

  private async run(id: string, q: KafkaPersistentQuery, attempt: number): Promise<void> {
    try {
      await q.start();
      this.log.info('persistent query started', { queryId: id, attempt });
    } catch (error) {
      if (this.queries.get(id) !== q) return;
      q.counters.restarts++;
      const delay = Math.min(30_000, 500 * 2 ** attempt);
      this.log.warn('persistent query failed to start; retrying', { queryId: id, error, delayMs: delay });
      await q.stop();
      setTimeout(() => {
        if (this.queries.get(id) === q) void this.run(id, q, attempt + 1);
      }, delay).unref();
    }
  }

  async stop(queryId: string): Promise<void> {
    const q = this.queries.get(queryId);
    this.queries.delete(queryId);
    await q?.stop();
  }

  pause(queryId: string): void {
    this.queries.get(queryId)?.pause();
  }

  resume(queryId: string): void {
    this.queries.get(queryId)?.resume();
  }

  stats(queryId: string): QueryRuntimeStats | undefined {
    const q = this.queries.get(queryId);
    if (!q) return undefined;
    const now = Date.now();
    const prev = this.rates.get(queryId);
    let rate = prev?.rate ?? 0;
    if (prev && now - prev.at >= 1000) {
      rate = ((q.counters.processed - prev.processed) * 1000) / (now - prev.at);
      this.rates.set(queryId, { at: now, processed: q.counters.processed, rate });
    } else if (!prev) this.rates.set(queryId, { at: now, processed: q.counters.processed, rate: 0 });
    return {
      queryId,
      ...q.counters,
      partitions: q.assignedPartitions(),
      stateEntries: q.stateEntries(),
      recordsPerSecond: rate,
    };
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.queries.keys()].map((id) => this.stop(id)));
  }
}
