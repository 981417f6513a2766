import { Partitioners, type Kafka, type Producer } from 'kafkajs';
import type { Logger } from '../log/logger';

export interface CommandTopicWrite {
  readonly key: string;
  readonly value: string;
}

/** What the writer needs from the reader: "has this engine consumed everything written?" */
export interface CatchUp {
  catchUp(timeoutMs: number): Promise<void>;
}

const FENCED = new Set(['INVALID_PRODUCER_EPOCH', 'PRODUCER_FENCED', 'INVALID_TXN_STATE']);
const MAX_ATTEMPTS = 5;

/**
 * Writes command records in Kafka transactions whose transactional id every engine of the service
 * shares, so writes cannot interleave or duplicate across engines: initializing the producer
 * fences (aborts) any other engine's open transaction, and a fenced engine re-initializes and
 * validates again. Inside the transaction the engine first waits until it has consumed the whole
 * topic, so the statement is validated against the latest catalog (ksqlDB's
 * DistributingExecutor with waitForCommandConsumer). One write at a time per engine.
 */
export class CommandWriter {
  private producer: Producer | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly kafka: Kafka,
    private readonly topic: string,
    private readonly transactionalId: string,
    private readonly reader: CatchUp,
    private readonly log: Logger,
    private readonly catchUpTimeoutMs = 5000,
  ) {}

  /**
   * Builds (under the lock, after catching up) and writes one record; resolves with its offset,
   * or undefined when `build` decided there is nothing to write. Errors from `build` abort the
   * transaction and propagate.
   */
  write(build: () => Promise<CommandTopicWrite | undefined>): Promise<number | undefined> {
    const run = this.queue.then(() => this.writeNow(build));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async writeNow(build: () => Promise<CommandTopicWrite | undefined>): Promise<number | undefined> {
    for (let attempt = 1; ; attempt++) {
      const producer = await this.connected();
      let transaction: Awaited<ReturnType<Producer['transaction']>> | undefined;
      try {
        transaction = await producer.transaction();
        await this.reader.catchUp(this.catchUpTimeoutMs);
        const record = await build();
        if (!record) {
          await transaction.abort();
          return undefined;
        }
        const [metadata] = await transaction.send({
          topic: this.topic,
          messages: [{ key: record.key, value: record.value, partition: 0 }],
        });
        await transaction.commit();
        return Number(metadata?.baseOffset);
      } catch (error) {
        await transaction?.abort().catch(() => {});
        // A failed transactional producer is not reusable; the next attempt starts a new one.
        await this.reset();
        if (!isFenced(error) || attempt >= MAX_ATTEMPTS) throw error;
        this.log.info('command topic producer fenced by another engine; retrying', { attempt });
        await new Promise((r) => setTimeout(r, 20 * attempt + Math.random() * 50));
      }
    }
  }

  private async connected(): Promise<Producer> {
    if (!this.producer) {
      const producer = this.kafka.producer({
        transactionalId: this.transactionalId,
        idempotent: true,
        maxInFlightRequests: 1,
        // An engine that dies mid-write blocks read_committed readers until this expires (or
        // until another engine initializes the same transactional id).
        transactionTimeout: 10_000,
        allowAutoTopicCreation: false,
        // Every record goes to partition 0 explicitly; naming the partitioner silences kafkajs's
        // "default partitioner changed" warning.
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      await producer.connect();
      this.producer = producer;
    }
    return this.producer;
  }

  private async reset(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    await producer?.disconnect().catch(() => {});
  }

  async close(): Promise<void> {
    await this.queue;
    await this.reset();
  }
}

function isFenced(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = (e as { cause?: unknown }).cause) {
    const type = (e as { type?: unknown }).type;
    if (typeof type === 'string' && FENCED.has(type)) return true;
    if (/fenced|epoch/i.test(e.message)) return true;
  }
  return false;
}
