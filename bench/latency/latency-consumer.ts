/**
 * Reads a topic from its end and records now − record timestamp for every record (ms). The
 * timestamps are the open-loop producer's scheduled send times, carried through the engine as
 * ROWTIME, so the same consumer measures B5 (on the input) and the engine (on its output).
 */
import type { Consumer, Kafka } from 'kafkajs';
import { SampleBuffer } from '../stats/stats';

export class LatencyConsumer {
  readonly samples = new SampleBuffer();
  private consumer: Consumer | undefined;
  private recording = false;
  received = 0;

  constructor(
    private readonly kafka: Kafka,
    private readonly topic: string,
  ) {}

  async start(): Promise<void> {
    const consumer = this.kafka.consumer({
      groupId: `bench-latency-${this.topic}-${Date.now()}`,
      maxWaitTimeInMs: 20,
    });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topic: this.topic, fromBeginning: true });
    await consumer.run({
      eachBatch: async ({ batch }) => {
        const now = Date.now();
        this.received += batch.messages.length;
        if (!this.recording) return;
        for (const m of batch.messages) this.samples.add(now - Number(m.timestamp));
      },
    });
  }

  /** Samples are kept only while recording (warm-up records are counted, not measured). */
  record(on: boolean): void {
    this.recording = on;
  }

  async waitFor(count: number, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.received < count) {
      if (Date.now() > deadline) return false;
      await new Promise((r) => setTimeout(r, 20));
    }
    return true;
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect().catch(() => undefined);
  }
}
