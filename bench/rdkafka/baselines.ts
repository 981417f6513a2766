/**
 * B1 and B3 on librdkafka (bench/rdkafka/client.ts): the same consume loop and hand-written q1 as
 * the kafkajs baselines (bench/baselines), so their ratio is the client's share of the cost.
 */
import { RunMeter, send } from '../worker/meter';
import type { KafkaJobBase } from '../worker/jobs';
import { q1Messages } from '../baselines/q1-by-hand';
import { loadRdkafka, type RdBatch, type RdOutMessage, type RdProducer } from './client';

type Handler = (batch: RdBatch, producer: RdProducer) => Promise<void>;

const SEND_CHUNK = 500;

/**
 * librdkafka batches and pipelines by itself: a batch's sends are all handed over at once and
 * awaited together (awaiting each in turn would pay its 5 ms linger per send).
 */
async function sendAll(producer: RdProducer, topic: string, messages: RdOutMessage[]): Promise<void> {
  const sends: Promise<unknown>[] = [];
  for (let i = 0; i < messages.length; i += SEND_CHUNK) {
    sends.push(producer.send({ topic, messages: messages.slice(i, i + SEND_CHUNK) }));
  }
  await Promise.all(sends);
}

export function rdkafkaHandler(kind: 'b1-rdkafka' | 'b3-rdkafka', job: KafkaJobBase): Handler {
  if (kind === 'b1-rdkafka') return async () => {};
  return (batch, producer) => sendAll(producer, job.output, q1Messages(batch));
}

/** runConsumeLoop (bench/baselines/consume-loop.ts) with the librdkafka client. */
export async function runRdkafkaLoop(
  job: KafkaJobBase,
  groupId: string,
  handle: Handler,
): Promise<() => Promise<void>> {
  const kafka = loadRdkafka(job.bootstrapServers, groupId);
  const expected = Object.values(job.inputs).reduce((a, b) => a + b, 0);
  const meter = new RunMeter();
  const producer = kafka.producer({ kafkaJS: { acks: -1 } });
  const consumer = kafka.consumer({
    kafkaJS: { groupId, fromBeginning: true, autoCommit: false },
    // KafkaJS hands over what one fetch returned; librdkafka's default batch is 32 messages.
    'js.consumer.max.batch.size': 2000,
  });
  await producer.connect();
  await consumer.connect();
  await consumer.subscribe({ topics: Object.keys(job.inputs) });
  let processed = 0;
  const stopWatching = meter.watchStalls(45_000, () => `${processed}/${expected} records`);
  send({ type: 'ready' });
  await consumer.run({
    eachBatch: async ({ batch }) => {
      if (batch.messages.length === 0) return;
      meter.start();
      await handle(batch, producer);
      const next = String(Number(batch.lastOffset()) + 1);
      await consumer.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: next }]);
      processed += batch.messages.length;
      meter.mark();
      if (processed >= expected) meter.finish(processed);
    },
  });
  return async () => {
    stopWatching();
    await consumer.disconnect().catch(() => undefined);
    await producer.disconnect().catch(() => undefined);
  };
}
