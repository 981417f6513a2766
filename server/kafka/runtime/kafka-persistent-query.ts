import type { Batch, Consumer, Kafka, Producer } from 'kafkajs';
import type { ProcessingError } from '../../exec/processor';
import type { Logger } from '../../log/logger';
import type { RekeyNode } from '../../plan/nodes';
import type { QueryPlan } from '../../plan/query-plan';
import type { DataSource } from '../../types/data-source';
import type { TopicAdmin } from '../topic-admin';
import { CoPartitionedAssigner } from './co-partitioned-assigner';
import { joinInputTopics } from './copartition-keys';
import { InputAlignment } from './input-alignment';
import { SingleMemberAssigner } from './single-member-assigner';
import { changelogTopic, queryApplicationId, repartitionTopic } from './internal-topics';
import { QueryTask, type OutRecord } from './query-task';
import { restoreTasks } from './restore';

export interface PersistentQuerySpec {
  readonly queryId: string;
  readonly plan: QueryPlan;
  readonly sink: DataSource;
  readonly sourceTopics: readonly string[];
  readonly properties: Readonly<Record<string, string>>;
}

export interface QueryCounters {
  processed: number;
  errors: number;
  lastError: { message: string; at: number } | null;
  restarts: number;
}

/** Rekeys before a GROUP BY or a join need a repartition topic; PARTITION BY writes the sink by its new key. */
export function needsRepartition(node: RekeyNode): boolean {
  return node.name !== 'PartitionBy';
}

/**
 * One persistent query on this engine: a consumer in the query's group (the partitions are split
 * with every other engine running it), one task per assigned partition, outputs written per
 * fetched batch — in a Kafka transaction with the offsets under exactly_once_v2, else followed by
 * an offset commit (at-least-once; the changelog's checkpoint keeps state from counting a record
 * twice after a restart).
 */
export class KafkaPersistentQuery {
  readonly appId: string;
  private consumer: Consumer | undefined;
  private producer: Producer | undefined;
  private tasks = new Map<number, QueryTask>();
  /** Per task, the order its join inputs are processed in (none for queries without joins). */
  private readonly alignments = new Map<number, InputAlignment>();
  private readonly joinTopics: ReadonlySet<string>;
  private ready: Promise<void> = Promise.resolve();
  private stopped = false;
  private paused = false;
  readonly counters: QueryCounters = { processed: 0, errors: 0, lastError: null, restarts: 0 };
  private readonly eos: boolean;
  private taskCount = 1;
  /** One task reads every partition (foreign-key joins need the whole right table). */
  private singleTask = false;
  private sinkPartitions = 1;

  constructor(
    private readonly spec: PersistentQuerySpec,
    private readonly kafka: Kafka,
    private readonly admin: TopicAdmin,
    serviceId: string,
    private readonly log: Logger,
    private readonly onError: (queryId: string, error: ProcessingError) => void,
  ) {
    this.appId = queryApplicationId(serviceId, spec.queryId);
    this.joinTopics = joinInputTopics(spec.plan, this.appId);
    const guarantee =
      spec.properties['processing.guarantee'] ?? spec.properties['ksql.streams.processing.guarantee'];
    this.eos = guarantee === 'exactly_once_v2' || guarantee === 'exactly_once';
  }

  async start(): Promise<void> {
    this.stopped = false;
    const partitionCounts = await Promise.all(
      this.spec.sourceTopics.map((t) => this.admin.partitionCount(t)),
    );
    this.singleTask = needsSingleTask(this.spec.plan);
    this.taskCount = this.singleTask ? 1 : Math.max(1, ...partitionCounts.map((n) => n ?? 1));
    this.sinkPartitions = (await this.admin.partitionCount(this.spec.sink.topic)) ?? this.taskCount;
    const repartitions = collectCutRekeys(this.spec.plan).map((n) => repartitionTopic(this.appId, n.name));
    for (const topic of repartitions) await this.admin.ensure({ name: topic, partitions: this.taskCount });
    const hasState = new QueryTask(0, this.taskSpec(), () => {}).hasState;
    const changelog = changelogTopic(this.appId);
    if (hasState)
      await this.admin.ensure({
        name: changelog,
        partitions: this.taskCount,
        configs: { 'cleanup.policy': 'compact' },
      });

    this.producer = this.kafka.producer(
      this.eos
        ? {
            transactionalId: `${this.appId}-${process.pid}-${Date.now()}`,
            idempotent: true,
            maxInFlightRequests: 1,
            // An engine that dies mid-transaction leaves it open: read_committed readers of the
            // sink and of the changelog (the restore) wait until the broker aborts it. kafkajs's
            // default is 60 s; Kafka Streams uses 10 s under exactly-once, as here.
            transactionTimeout: 10_000,
          }
        : { idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false },
    );
    await this.producer.connect();
    const consumer = this.kafka.consumer({
      groupId: this.appId,
      partitionAssigners: [this.singleTask ? SingleMemberAssigner : CoPartitionedAssigner],
      readUncommitted: false,
      maxWaitTimeInMs: 100,
      sessionTimeout: 10_000,
      heartbeatInterval: 1000,
      allowAutoTopicCreation: false,
    });
    this.consumer = consumer;
    consumer.on(consumer.events.GROUP_JOIN, (e) => {
      const assigned = new Set<number>();
      for (const partitions of Object.values(e.payload.memberAssignment))
        for (const p of partitions) assigned.add(this.singleTask ? 0 : p);
      const ready = this.assign(assigned, hasState ? changelog : undefined);
      // eachBatch awaits it, so a failed restore fails the batch (kafkajs then restarts the
      // consumer and rejoins). Until a batch comes it has no handler, and an unhandled rejection
      // would end the whole engine process.
      ready.catch(() => {});
      this.ready = ready;
    });
    await consumer.connect();
    for (const topic of [...new Set([...this.spec.sourceTopics, ...repartitions])]) {
      await consumer.subscribe({
        topic,
        fromBeginning:
          (this.spec.properties['auto.offset.reset'] ??
            this.spec.properties['ksql.streams.auto.offset.reset'] ??
            'earliest') !== 'latest',
      });
    }
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
        await this.ready;
        if (!isRunning() || isStale() || this.stopped) return;
        const task = this.tasks.get(this.singleTask ? 0 : batch.partition);
        if (!task || batch.messages.length === 0) return;
        const messages = this.admitted(task.partition, batch);
        if (messages.length === 0) {
          // Held back until another join input catches up; the consumer fetches these again.
          await new Promise((resolve) => setTimeout(resolve, 20));
          return;
        }
        const before = task.processed;
        task.process(
          batch.topic,
          messages.map((m) => ({
            key: m.key,
            value: m.value,
            timestamp: Number(m.timestamp),
            partition: batch.partition,
            offset: Number(m.offset),
            headers: m.headers ?? {},
          })),
        );
        this.counters.processed += task.processed - before;
        const last = messages[messages.length - 1]!;
        const next = String(Number(last.offset) + 1);
        const outputs = task.drainOutputs();
        const changelog = hasState ? task.drainChangelog(changelogTopic(this.appId), Date.now()) : [];
        await this.write(outputs, changelog, batch.topic, batch.partition, next);
        resolveOffset(last.offset);
        await heartbeat();
      },
    });
    if (this.paused) this.pause();
  }

  /** The leading messages of a batch that its task may process now (see InputAlignment). */
  private admitted(task: number, batch: Batch): Batch['messages'] {
    if (this.joinTopics.size < 2) return batch.messages;
    let alignment = this.alignments.get(task);
    if (!alignment) this.alignments.set(task, (alignment = new InputAlignment(this.joinTopics)));
    const last = batch.messages[batch.messages.length - 1]!;
    const count = alignment.admit(
      batch.topic,
      batch.partition,
      batch.messages.map((m) => Number(m.timestamp)),
      Number(last.offset) + 1 >= Number(batch.highWatermark),
    );
    return batch.messages.slice(0, count);
  }

  private taskSpec() {
    return {
      appId: this.appId,
      plan: this.spec.plan,
      sink: this.spec.sink,
      sinkPartitions: this.sinkPartitions,
      tasks: this.taskCount,
      cut: needsRepartition,
    };
  }

  private async assign(assigned: Set<number>, changelog: string | undefined): Promise<void> {
    for (const p of [...this.tasks.keys()]) {
      if (assigned.has(p)) continue;
      this.tasks.delete(p);
      this.alignments.delete(p);
    }
    const fresh: QueryTask[] = [];
    for (const p of assigned) {
      if (this.tasks.has(p)) continue;
      const task = new QueryTask(p, this.taskSpec(), (e) => this.reportError(e));
      this.tasks.set(p, task);
      fresh.push(task);
    }
    if (changelog && fresh.length > 0) {
      const started = Date.now();
      try {
        await restoreTasks(this.kafka, this.admin, changelog, fresh, this.log);
      } catch (error) {
        // Without their state these tasks would count from zero: drop them so the next
        // assignment creates and restores them again.
        for (const t of fresh) this.tasks.delete(t.partition);
        this.log.warn('could not restore query state; retrying on the next assignment', {
          queryId: this.spec.queryId,
          error,
        });
        throw error;
      }
      this.log.info('restored query state', {
        queryId: this.spec.queryId,
        partitions: fresh.map((t) => t.partition),
        ms: Date.now() - started,
      });
    }
  }

  private async write(
    outputs: OutRecord[],
    changelog: OutRecord[],
    topic: string,
    partition: number,
    next: string,
  ): Promise<void> {
    const producer = this.producer!;
    if (this.eos) {
      const txn = await producer.transaction();
      try {
        if (outputs.length + changelog.length > 0)
          await sendInChunks([...outputs, ...changelog], (chunk) =>
            txn.sendBatch({ topicMessages: group(chunk) }),
          );
        await txn.sendOffsets({
          consumerGroupId: this.appId,
          topics: [{ topic, partitions: [{ partition, offset: next }] }],
        });
        await txn.commit();
      } catch (error) {
        await txn.abort().catch(() => undefined);
        throw error;
      }
      return;
    }
    const send = (chunk: OutRecord[]) => producer.sendBatch({ topicMessages: group(chunk), acks: -1 });
    await sendInChunks(outputs, send);
    await sendInChunks(changelog, send);
    await this.consumer!.commitOffsets([{ topic, partition, offset: next }]);
  }

  private reportError(e: ProcessingError): void {
    this.counters.errors++;
    this.counters.lastError = { message: e.message, at: Date.now() };
    this.onError(this.spec.queryId, e);
  }

  pause(): void {
    this.paused = true;
    this.consumer?.pause(this.spec.sourceTopics.map((topic) => ({ topic })));
  }

  resume(): void {
    this.paused = false;
    this.consumer?.resume(this.spec.sourceTopics.map((topic) => ({ topic })));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.consumer?.disconnect().catch(() => undefined);
    await this.producer?.disconnect().catch(() => undefined);
    this.tasks.clear();
  }

  /** Consumer lag and state size, for DESCRIBE EXTENDED and the workbench. */
  stateEntries(): number {
    let n = 0;
    for (const t of this.tasks.values()) n += t.stateSize().entries;
    return n;
  }

  assignedPartitions(): number[] {
    return [...this.tasks.keys()].sort((a, b) => a - b);
  }
}

interface OutMessage {
  key: Buffer | null;
  value: Buffer | null;
  partition: number;
  timestamp: string;
  headers?: Record<string, Buffer | string | (Buffer | string)[] | undefined>;
}

/**
 * kafkajs groups a send's messages by partition with an array spread per message, which is
 * quadratic in the send's size (about 10 µs per record at 4,000 records, 2.6 µs at 500; see
 * bench/RESULTS.md). A fetched batch's outputs therefore go out in sends of at most SEND_CHUNK
 * records, one after the other: the same records, order and partitions.
 */
const SEND_CHUNK = 500;

async function sendInChunks(
  records: OutRecord[],
  send: (chunk: OutRecord[]) => Promise<unknown>,
): Promise<void> {
  if (records.length <= SEND_CHUNK) {
    if (records.length > 0) await send(records);
    return;
  }
  for (let i = 0; i < records.length; i += SEND_CHUNK) await send(records.slice(i, i + SEND_CHUNK));
}

function group(records: readonly OutRecord[]): { topic: string; messages: OutMessage[] }[] {
  const byTopic = new Map<string, OutMessage[]>();
  for (const r of records) {
    const list = byTopic.get(r.topic) ?? [];
    list.push({
      key: r.key,
      value: r.value,
      partition: r.partition,
      timestamp: String(r.timestamp),
      ...(r.headers ? { headers: { ...r.headers } } : {}),
    });
    byTopic.set(r.topic, list);
  }
  return [...byTopic.entries()].map(([topic, messages]) => ({ topic, messages }));
}

function needsSingleTask(plan: QueryPlan): boolean {
  const walk = (n: QueryPlan['root']): boolean => {
    if (n.node === 'Join') return n.shape === 'foreign-key' || walk(n.left) || walk(n.right);
    return n.node !== 'Source' && walk(n.input);
  };
  return walk(plan.root);
}

function collectCutRekeys(plan: QueryPlan): RekeyNode[] {
  const out: RekeyNode[] = [];
  const walk = (n: QueryPlan['root']): void => {
    if (n.node === 'Rekey' && needsRepartition(n)) out.push(n);
    if (n.node === 'Join') {
      walk(n.left);
      walk(n.right);
    } else if (n.node !== 'Source') walk(n.input);
  };
  walk(plan.root);
  return out;
}
