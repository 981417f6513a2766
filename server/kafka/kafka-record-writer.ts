import type { Kafka, Producer } from 'kafkajs';
import { partitionFor } from './partitioner';

export interface RecordToWrite {
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly timestamp: number;
  readonly headers?: readonly { readonly key: string; readonly value: Buffer | null }[];
  readonly partition?: number;
}

/**
 * Writes records for INSERT INTO … VALUES and /inserts-stream through one shared idempotent
 * producer. Keyed records go where Kafka's Java client would put them (murmur2, partitioner.ts),
 * so a row inserted here joins the rows other producers wrote under the same key; records without
 * a key are spread round-robin. Matches server/engine/services.ts's RecordWriter structurally.
 */
export class KafkaRecordWriter {
  private producer: Promise<Producer> | undefined;
  private roundRobin = 0;

  constructor(private readonly kafka: Kafka) {}

  async write(topic: string, records: readonly RecordToWrite[]): Promise<void> {
    if (records.length === 0) return;
    const producer = await this.connected();
    await producer.send({
      topic,
      acks: -1,
      messages: records.map((r) => ({
        key: r.key,
        value: r.value,
        timestamp: String(r.timestamp),
        ...(r.partition !== undefined ? { partition: r.partition } : {}),
        ...(r.headers && r.headers.length > 0 ? { headers: headerMap(r.headers) } : {}),
      })),
    });
  }

  private connected(): Promise<Producer> {
    this.producer ??= (async () => {
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        createPartitioner:
          () =>
          ({ partitionMetadata, message }) => {
            if (typeof message.partition === 'number') return message.partition;
            const key = message.key == null ? null : Buffer.from(message.key);
            return partitionFor(key, partitionMetadata.length, this.roundRobin++);
          },
      });
      await producer.connect();
      return producer;
    })();
    this.producer.catch(() => (this.producer = undefined));
    return this.producer;
  }

  async close(): Promise<void> {
    const producer = await this.producer?.catch(() => undefined);
    this.producer = undefined;
    await producer?.disconnect();
  }
}

/** kafkajs takes headers as an object; a key that repeats becomes an array, in order. */
function headerMap(headers: readonly { key: string; value: Buffer | null }[]): Record<string, Buffer[]> {
  const out: Record<string, Buffer[]> = {};
  for (const h of headers) (out[h.key] ??= []).push(h.value ?? Buffer.alloc(0));
  return out;
}
