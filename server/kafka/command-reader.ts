import type { Admin, Consumer, Kafka } from 'kafkajs';
import type { Logger } from '../log/logger';

/** A command-topic record as read: text key and value (JSON), or null when absent. */
export interface CommandTopicRecord {
  readonly offset: number;
  readonly key: string | null;
  readonly value: string | null;
}

export interface CommandReaderListener {
  /** Once: every record from the start of the topic to (at least) the end seen at start. */
  replayed(records: readonly CommandTopicRecord[], info: { endOffset: number; lowOffset: number }): void;
  /** Afterwards: records as they arrive, in offset order. */
  followed(records: readonly CommandTopicRecord[]): void;
}

export class CommandCatchUpTimeout extends Error {
  override readonly name = 'CommandCatchUpTimeout';
}

/**
 * Reads the command topic from the beginning and then follows it, with read_committed (records
 * of aborted transactions never appear). kafkajs cannot assign a partition by hand, so each
 * engine instance uses a consumer group of its own (unique id) and never commits offsets: every
 * start replays everything, which is what the catalog needs anyway. The consumer's position
 * (past transaction markers too) is tracked so writers can wait until this engine has consumed
 * everything before validating a statement.
 */
export class CommandReader {
  private consumer: Consumer | undefined;
  private admin: Admin | undefined;
  private position = 0;
  private readonly waiters = new Set<{ offset: number; done: () => void }>();

  constructor(
    private readonly kafka: Kafka,
    private readonly topic: string,
    private readonly groupId: string,
    private readonly log: Logger,
  ) {}

  /** The offset after the last record or marker this engine has consumed. */
  get consumedUpTo(): number {
    return this.position;
  }

  /** Starts reading; resolves once the replay has been handed to the listener. */
  async start(listener: CommandReaderListener): Promise<void> {
    const { low, high } = await this.offsets();
    const consumer = this.kafka.consumer({
      groupId: this.groupId,
      readUncommitted: false,
      maxBytesPerPartition: 16 * 1024 * 1024,
      maxWaitTimeInMs: 250,
      sessionTimeout: 10_000,
      heartbeatInterval: 1000,
      allowAutoTopicCreation: false,
    });
    this.consumer = consumer;
    let replaying: CommandTopicRecord[] | undefined = [];
    let replayDone!: () => void;
    const replayed = new Promise<void>((resolve) => (replayDone = resolve));
    const finishReplay = (): void => {
      if (!replaying) return;
      const records = replaying;
      replaying = undefined;
      listener.replayed(records, { endOffset: Math.max(high, this.position), lowOffset: low });
      replayDone();
    };
    consumer.on(consumer.events.END_BATCH_PROCESS, (event) => {
      // Includes batches holding only transaction markers, which the handler never sees.
      this.advance(Number(event.payload.lastOffset) + 1);
      if (replaying && this.position >= high) finishReplay();
    });
    consumer.on(consumer.events.CRASH, (event) =>
      this.log.error('command topic consumer crashed', { error: event.payload.error }),
    );
    await consumer.connect();
    await consumer.subscribe({ topic: this.topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        const records = batch.messages.map((m) => ({
          offset: Number(m.offset),
          key: m.key?.toString('utf8') ?? null,
          value: m.value?.toString('utf8') ?? null,
        }));
        if (replaying) replaying.push(...records);
        else if (records.length > 0) listener.followed(records);
      },
    });
    if (high <= low) finishReplay();
    await replayed;
  }

  /** Resolves when this engine has consumed everything written so far. */
  async catchUp(timeoutMs: number): Promise<void> {
    const { high } = await this.offsets();
    await this.awaitPosition(high, timeoutMs);
  }

  awaitPosition(offset: number, timeoutMs: number): Promise<void> {
    if (this.position >= offset) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter = {
        offset,
        done: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(
          new CommandCatchUpTimeout(
            `Timeout while waiting for the command topic consumer to reach offset ${offset} (at ${this.position}).`,
          ),
        );
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** The low and high watermarks of the command topic's only partition. */
  async offsets(): Promise<{ low: number; high: number }> {
    if (!this.admin) {
      const admin = this.kafka.admin();
      await admin.connect();
      this.admin = admin;
    }
    const [p] = await this.admin.fetchTopicOffsets(this.topic);
    return { low: Number(p?.low ?? 0), high: Number(p?.high ?? 0) };
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect().catch(() => {});
    this.consumer = undefined;
    // The group only ever had this member and no committed offsets; remove it to keep the
    // broker's group list clean (best effort: the broker expires it anyway).
    await this.admin?.deleteGroups([this.groupId]).catch(() => {});
    await this.admin?.disconnect().catch(() => {});
    this.admin = undefined;
  }

  private advance(next: number): void {
    if (next <= this.position) return;
    this.position = next;
    for (const w of this.waiters) {
      if (w.offset <= this.position) {
        this.waiters.delete(w);
        w.done();
      }
    }
  }
}
