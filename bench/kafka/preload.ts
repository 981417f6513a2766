/**
 * Pre-loads the Nexmark topics once per benchmark run (outside every timed window): generates the
 * events, writes them with their event time as the record timestamp, and lets observers (the
 * hand-written references) see each event in generation order.
 */
import type { Kafka, Message } from 'kafkajs';
import type { GeneratorConfig } from '../nexmark/config';
import { NexmarkGenerator } from '../nexmark/generator';
import type { NexmarkEvent } from '../nexmark/model';
import { SIDE_INPUT_SIZE, encodeEvent, sideInputRecord, type Entity } from '../nexmark/records';
import { BenchAdmin } from './topics';

export interface NexmarkTopics {
  readonly person: string;
  readonly auction: string;
  readonly bid: string;
  readonly side: string;
}

export interface PreloadResult {
  readonly counts: Readonly<Record<keyof NexmarkTopics, number>>;
  readonly bytes: number;
  readonly seconds: number;
}

/** Keeps each produce request's record batches under the broker's 1 MB message limit. */
const CHUNK_BYTES = 400_000;

export async function preload(
  kafka: Kafka,
  topics: NexmarkTopics,
  partitions: number,
  config: GeneratorConfig,
  events: number,
  observe: (e: NexmarkEvent) => void,
): Promise<PreloadResult> {
  const started = performance.now();
  const admin = new BenchAdmin(kafka);
  await admin.create(Object.values(topics), partitions);
  await admin.close();
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  const pending: Record<Entity, Message[]> = { person: [], auction: [], bid: [] };
  // One send in flight per topic: concurrent sends to the same partition can land out of order.
  const inFlight: Record<Entity, Promise<unknown>> = {
    person: Promise.resolve(),
    auction: Promise.resolve(),
    bid: Promise.resolve(),
  };
  let bytes = 0;
  const pendingBytes: Record<Entity, number> = { person: 0, auction: 0, bid: 0 };
  const flush = async (entity: Entity): Promise<void> => {
    const messages = pending[entity];
    if (messages.length === 0) return;
    pending[entity] = [];
    pendingBytes[entity] = 0;
    await inFlight[entity];
    inFlight[entity] = producer.send({ topic: topics[entity], messages, acks: 1 });
  };
  try {
    const side: Message[] = [];
    for (let k = 0; k < SIDE_INPUT_SIZE; k++) {
      const r = sideInputRecord(k, config.baseTime - 1);
      side.push({ key: r.key, value: r.value, timestamp: String(r.timestamp) });
    }
    await producer.send({ topic: topics.side, messages: side, acks: 1 });
    const g = new NexmarkGenerator(config);
    for (let i = 0; i < events; i++) {
      const e = g.nextEvent();
      observe(e);
      const r = encodeEvent(e);
      bytes += r.value.length;
      // Bids are spread by (bidder, auction) so each pair stays in offset order in one partition:
      // LATEST_BY_OFFSET (q18) then has one right answer whatever the partition count. (By bidder
      // alone, the hot bidders — always odd ids — would put 3/4 of the bids in one partition.)
      const partition = e.kind === 'bid' ? (e.bid.bidder + e.bid.auction) % partitions : undefined;
      pending[r.entity].push({
        key: r.key,
        value: r.value,
        timestamp: String(r.timestamp),
        ...(partition !== undefined ? { partition } : {}),
      });
      pendingBytes[r.entity] += r.value.length;
      if (pendingBytes[r.entity] >= CHUNK_BYTES) await flush(r.entity);
    }
    for (const entity of ['person', 'auction', 'bid'] as const) await flush(entity);
    await Promise.all(Object.values(inFlight));
  } finally {
    await producer.disconnect();
  }
  const check = new BenchAdmin(kafka);
  const counts = {
    person: await check.count(topics.person),
    auction: await check.count(topics.auction),
    bid: await check.count(topics.bid),
    side: await check.count(topics.side),
  };
  await check.close();
  return { counts, bytes, seconds: (performance.now() - started) / 1000 };
}
