/**
 * The shared loop of the hand-written kafkajs baselines: read the pre-loaded input from the
 * beginning with eachBatch, hand each batch to the baseline, commit its offset (as the engine
 * does after every batch), and stop measuring once every input record is processed.
 */
import type { Batch, Kafka, Producer } from 'kafkajs';
import { RunMeter, send } from '../worker/meter';
import type { KafkaJobBase } from '../worker/jobs';

export type BatchHandler = (batch: Batch, producer: Producer) => Promise<void>;

export async function runConsumeLoop(
  kafka: Kafka,
  job: KafkaJobBase,
  groupId: string,
  handle: BatchHandler,
): Promise<() => Promise<void>> {
  const expected = Object.values(job.inputs).reduce((a, b) => a + b, 0);
  const meter = new RunMeter();
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100, allowAutoTopicCreation: false });
  await producer.connect();
  await consumer.connect();
  for (const topic of Object.keys(job.inputs)) await consumer.subscribe({ topic, fromBeginning: true });
  let processed = 0;
  const stopWatching = meter.watchStalls(45_000, () => `${processed}/${expected} records`);
  send({ type: 'ready' });
  await consumer.run({
    autoCommit: false,
    eachBatch: async ({ batch, heartbeat }) => {
      if (batch.messages.length === 0) return;
      meter.start();
      await handle(batch, producer);
      const next = String(Number(batch.lastOffset()) + 1);
      await consumer.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: next }]);
      processed += batch.messages.length;
      meter.mark();
      if (processed >= expected) meter.finish(processed);
      await heartbeat();
    },
  });
  return async () => {
    stopWatching();
    await consumer.disconnect().catch(() => undefined);
    await producer.disconnect().catch(() => undefined);
  };
}
