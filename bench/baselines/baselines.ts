/**
 * B1–B4: what hand-written kafkajs code achieves on the same topics.
 * - B1 consume only (no decode);
 * - B2 byte copy: the fetched Buffers sent on, batched per fetched batch;
 * - B3 q1 by hand: JSON.parse → project, price × 0.908 → JSON.stringify → batched send;
 * - B4 tumbling (10 s) and hopping (10 s / 2 s) COUNT per auction in a Map, one output per window
 *   update (as an aggregate without caching emits), keyed like a windowed ksqlDB key.
 */
import type { Batch, Message, Producer } from 'kafkajs';
import { windowStarts } from '../check/canonical-stateful';
import type { KafkajsBaseline, KafkaJobBase } from '../worker/jobs';
import type { BatchHandler } from './consume-loop';
import { q1Messages, type BidJson } from './q1-by-hand';

/**
 * One batch's outputs, in sends of at most 500 messages (awaited in order): kafkajs groups a
 * send's messages by partition in quadratic time, and B4-hopping's five outputs per input would
 * otherwise also exceed the broker's 1 MB request limit. The engine's runtime does the same.
 */
const SEND_CHUNK = 500;

async function sendAll(producer: Producer, topic: string, messages: Message[]): Promise<void> {
  for (let i = 0; i < messages.length; i += SEND_CHUNK) {
    await producer.send({ topic, messages: messages.slice(i, i + SEND_CHUNK) });
  }
}

function windowedKey(auction: number, start: number): Buffer {
  const inner = Buffer.from(String(auction));
  const key = Buffer.allocUnsafe(inner.length + 8);
  inner.copy(key, 0);
  key.writeBigInt64BE(BigInt(start), inner.length);
  return key;
}

function windowCounts(size: number, advance: number, job: KafkaJobBase): BatchHandler {
  const counts = new Map<string, number>();
  return async (batch: Batch, producer: Producer) => {
    const out: Message[] = [];
    for (const m of batch.messages) {
      if (!m.value) continue;
      const bid = JSON.parse(m.value.toString()) as BidJson;
      for (const start of windowStarts(Number(m.timestamp), size, advance)) {
        const k = `${bid.auction}@${start}`;
        const n = (counts.get(k) ?? 0) + 1;
        counts.set(k, n);
        out.push({
          key: windowedKey(bid.auction, start),
          value: JSON.stringify({ NUM: n }),
          // By key, so each window's updates stay in order in one partition (as a keyed sink is).
          partition: bid.auction % job.partitions,
          timestamp: m.timestamp,
        });
      }
    }
    await sendAll(producer, job.output, out);
  };
}

export function baselineHandler(kind: KafkajsBaseline, job: KafkaJobBase): BatchHandler {
  switch (kind) {
    case 'b1':
      return async () => {};
    case 'b2':
      return (batch, producer) =>
        sendAll(
          producer,
          job.output,
          batch.messages.map((m) => ({
            key: m.key,
            value: m.value,
            partition: batch.partition,
            timestamp: m.timestamp,
          })),
        );
    case 'b3':
      return (batch, producer) => sendAll(producer, job.output, q1Messages(batch));
    case 'b4-tumbling':
      return windowCounts(10_000, 10_000, job);
    case 'b4-hopping':
      return windowCounts(10_000, 2_000, job);
  }
}
