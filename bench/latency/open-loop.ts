/**
 * An open-loop producer: sends at a fixed offered rate whatever the system does, and stamps each
 * record with its *scheduled* send time as the Kafka timestamp, so queueing anywhere (including in
 * this producer) shows up as latency instead of silently lowering the load (coordinated omission).
 */
import type { Kafka, Message } from 'kafkajs';
import { withConfig } from '../nexmark/config';
import { NexmarkGenerator } from '../nexmark/generator';

const TICK_MS = 2;

export interface OpenLoopResult {
  readonly sent: number;
  readonly seconds: number;
}

export async function openLoop(
  kafka: Kafka,
  topic: string,
  partitions: number,
  ratePerSec: number,
  seconds: number,
): Promise<OpenLoopResult> {
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  // Realistic bid values; their event time is replaced by the scheduled send time.
  const g = new NexmarkGenerator(withConfig({ seed: 7 }));
  const values: Buffer[] = [];
  while (values.length < 1000) {
    const e = g.nextEvent();
    if (e.kind === 'bid') values.push(Buffer.from(JSON.stringify(e.bid)));
  }
  const t0 = Date.now();
  const total = Math.round(ratePerSec * seconds);
  let sent = 0;
  const pending = new Set<Promise<unknown>>();
  try {
    while (sent < total) {
      const due = Math.min(total, Math.floor(((Date.now() - t0) * ratePerSec) / 1000));
      if (due > sent) {
        const messages: Message[] = [];
        for (; sent < due; sent++) {
          const scheduled = t0 + Math.floor((sent * 1000) / ratePerSec);
          messages.push({
            value: values[sent % values.length]!,
            timestamp: String(scheduled),
            partition: sent % partitions,
          });
        }
        const p = producer.send({ topic, messages });
        pending.add(p);
        void p.finally(() => pending.delete(p));
      }
      await new Promise((r) => setTimeout(r, TICK_MS));
    }
    await Promise.all(pending);
  } finally {
    await producer.disconnect();
  }
  return { sent, seconds: (Date.now() - t0) / 1000 };
}
