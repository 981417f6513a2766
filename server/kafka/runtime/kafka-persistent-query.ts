import type { Consumer, Kafka, KafkaMessage, Producer } from 'kafkajs';
import type { ProcessingError } from '../../exec/processor';
import type { Logger } from '../../log/logger';
import type { QueryPlan } from '../../plan/query-plan';
import type { DataSource } from '../../types/data-source';
import type { TopicAdmin } from '../topic-admin';
import { CoPartitionedAssigner } from './co-partitioned-assigner';
import { joinInputTopics, tableSideTopics } from './copartition-keys';
import { RepartitionProgress } from './repartition-progress';
import { AlignedInputs, MAX_BUFFERED, MAX_IDLE_MS, type Run } from './input-alignment';
import { SingleMemberAssigner } from './single-member-assigner';
import { changelogTopic, queryApplicationId, repartitionTopic } from './internal-topics';
import { QueryTask } from './query-task';
import { restoreTasks } from './restore';
import { writeBatch } from './batch-send';
import { collectCutRekeys, needsRepartition, needsSingleTask } from './task-layout';

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
  /** Per task, its join inputs' queue (none for queries without joins). */
  private readonly aligned = new Map<number, AlignedInputs<KafkaMessage>>();
  private readonly joinTopics: ReadonlySet<string>;
  /** Join inputs that are the table of a stream–table join. */
  private readonly tableTopics: ReadonlySet<string>;
  /** Join input partitions paused because their task holds MAX_BUFFERED of their records. */
  private readonly heldBack = new Set<string>();
  private readonly idleTimers = new Map<number, NodeJS.Timeout>();
  /** Processing of this query, one batch or timer at a time. */
  private serial: Promise<void> = Promise.resolve();
  private hasState = false;
  private repartitionTopics: ReadonlySet<string> = new Set();
  /** What the join's repartition inputs still have to come (set up in start()). */
  private progress = new RepartitionProgress(new Set());
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
    this.tableTopics = tableSideTopics(spec.plan, this.appId);
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
    this.repartitionTopics = new Set(repartitions);
    this.progress = new RepartitionProgress(
      new Set(repartitions.filter((topic) => this.joinTopics.has(topic))),
    );
    for (const topic of repartitions) await this.admin.ensure({ name: topic, partitions: this.taskCount });
    const hasState = new QueryTask(0, this.taskSpec(), () => {}).hasState;
    this.hasState = hasState;
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
        const last = batch.messages[batch.messages.length - 1]!;
        const aligned = this.alignedFor(task);
        if (aligned?.handles(batch.topic)) {
          // Queued, and taken in timestamp order with the task's other join inputs. Resolving
          // lets the consumer fetch on; only what is processed is committed.
          const endsAtHighWatermark = Number(last.offset) + 1 >= Number(batch.highWatermark);
          aligned.offer(batch.topic, batch.partition, batch.messages, endsAtHighWatermark);
          this.progress.recordsRead(batch.topic, batch.partition, batch.messages.length);
          resolveOffset(last.offset);
          await this.exclusive(() => this.drainAligned(task, aligned));
          await heartbeat();
          return;
        }
        if (!this.repartitionTopics.has(batch.topic))
          this.progress.sourceAt(
            batch.topic,
            batch.partition,
            Number(last.offset) + 1 < Number(batch.highWatermark),
          );
        await this.exclusive(() => this.processRuns(task, [batch]));
        resolveOffset(last.offset);
        await heartbeat();
      },
    });
    if (this.paused) this.pause();
  }

  /** Runs `work` after any other processing of this query (eachBatch and idle timers). */
  private exclusive(work: () => Promise<void>): Promise<void> {
    const run = this.serial.then(work);
    this.serial = run.catch(() => undefined);
    return run;
  }

  /**
   * Processes runs of records through their task and writes what they produced together with the
   * offsets after them: one transaction (exactly_once_v2) or one produce and commit.
   */
  private async processRuns(task: QueryTask, runs: readonly Run<KafkaMessage>[]): Promise<void> {
    if (runs.length === 0) return;
    const before = task.processed;
    const offsets = new Map<string, { topic: string; partition: number; offset: string }>();
    for (const run of runs) {
      task.process(
        run.topic,
        run.messages.map((m) => ({
          key: m.key,
          value: m.value,
          timestamp: Number(m.timestamp),
          partition: run.partition,
          offset: Number(m.offset),
          headers: m.headers ?? {},
        })),
      );
      const next = String(Number(run.messages[run.messages.length - 1]!.offset) + 1);
      offsets.set(`${run.topic}:${run.partition}`, {
        topic: run.topic,
        partition: run.partition,
        offset: next,
      });
    }
    this.counters.processed += task.processed - before;
    const outputs = task.drainOutputs();
    const changelog = this.hasState ? task.drainChangelog(changelogTopic(this.appId), Date.now()) : [];
    await writeBatch(
      this.eos
        ? { producer: this.producer!, transactionFor: this.appId }
        : { producer: this.producer!, commit: (o) => this.consumer!.commitOffsets([...o]) },
      outputs,
      changelog,
      [...offsets.values()],
    );
    this.progress.recordsWritten(outputs);
  }

  /**
   * Tells each task's join-input queue which of its input partitions have nothing to read, so
   * that it does not wait MAX_IDLE_MS for a batch that will not come. Best effort: without it,
   * the queue waits that long once.
   */
  private async markEmptyJoinInputs(assigned: ReadonlySet<number>): Promise<void> {
    if (this.joinTopics.size < 2) return;
    try {
      for (const topic of this.joinTopics) {
        // A repartition topic is written by this query itself: empty now says nothing about later.
        if (this.repartitionTopics.has(topic)) continue;
        const unread = await this.admin.unread(this.appId, topic);
        for (const [partition, count] of unread) {
          const task = this.singleTask ? 0 : partition;
          if (count > 0 || !assigned.has(task)) continue;
          const aligned =
            this.aligned.get(task) ??
            new AlignedInputs<KafkaMessage>(this.joinTopics, Date.now, this.tableTopics);
          this.aligned.set(task, aligned);
          aligned.markCaughtUp(topic, partition);
        }
      }
      // The sources behind a join's repartition topics: while they have unread records, the
      // repartition topic has more to come (see RepartitionProgress).
      if (this.progress.topics.size > 0)
        for (const topic of this.spec.sourceTopics) {
          if (this.joinTopics.has(topic)) continue;
          for (const [partition, count] of await this.admin.unread(this.appId, topic))
            if (assigned.has(this.singleTask ? 0 : partition))
              this.progress.sourceAt(topic, partition, count > 0);
        }
    } catch (error) {
      this.log.debug('could not read the join inputs offsets; the first batches may wait', {
        queryId: this.spec.queryId,
        error,
      });
    }
  }

  /** The task's join-input queue, for queries that join (see AlignedInputs). */
  private alignedFor(task: QueryTask): AlignedInputs<KafkaMessage> | undefined {
    if (this.joinTopics.size < 2) return undefined;
    let aligned = this.aligned.get(task.partition);
    if (!aligned)
      this.aligned.set(
        task.partition,
        (aligned = new AlignedInputs(this.joinTopics, Date.now, this.tableTopics)),
      );
    return aligned;
  }

  /** Processes every run the task's join inputs allow now; pauses inputs that are far ahead. */
  private async drainAligned(task: QueryTask, aligned: AlignedInputs<KafkaMessage>): Promise<void> {
    if (this.stopped || this.tasks.get(task.partition) !== task) return;
    // Repartition inputs still being written hold the other join inputs back.
    for (const topic of this.progress.topics)
      aligned.setPending(topic, this.progress.pending(topic, task.partition));
    const runs: Run<KafkaMessage>[] = [];
    for (let run = aligned.next(); run; run = aligned.next()) runs.push(run);
    await this.processRuns(task, runs);
    for (const key of [...this.heldBack]) {
      const [topic, partition] = splitInputKey(key);
      if (aligned.queued(topic, partition) >= MAX_BUFFERED) continue;
      this.heldBack.delete(key);
      if (!this.paused) this.consumer?.resume([{ topic, partitions: [partition] }]);
    }
    for (const { topic, partition } of aligned.inputList()) {
      if (aligned.queued(topic, partition) < MAX_BUFFERED) continue;
      this.heldBack.add(`${topic}:${partition}`);
      this.consumer?.pause([{ topic, partitions: [partition] }]);
    }
    // Waiting on an input that may never speak: look again once the idle time has passed.
    if (aligned.hasQueued() && !this.idleTimers.has(task.partition)) {
      const timer = setTimeout(() => {
        this.idleTimers.delete(task.partition);
        void this.exclusive(() => this.drainAligned(task, aligned)).catch((error: unknown) =>
          this.log.warn('join inputs could not be processed after waiting; the consumer will retry', {
            queryId: this.spec.queryId,
            error,
          }),
        );
      }, MAX_IDLE_MS + 50);
      timer.unref();
      this.idleTimers.set(task.partition, timer);
    }
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
    for (const p of [...this.tasks.keys()]) if (!assigned.has(p)) this.tasks.delete(p);
    // After a rebalance the consumer fetches from the committed offsets: forget what was queued.
    this.aligned.clear();
    this.progress.clear();
    for (const key of this.heldBack) {
      const [topic, partition] = splitInputKey(key);
      if (!this.paused) this.consumer?.resume([{ topic, partitions: [partition] }]);
    }
    this.heldBack.clear();
    await this.markEmptyJoinInputs(assigned);
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
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    this.idleTimers.clear();
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

function splitInputKey(key: string): [string, number] {
  const at = key.lastIndexOf(':');
  return [key.slice(0, at), Number(key.slice(at + 1))];
}
