import type { Kafka } from 'kafkajs';
import type { NexmarkTopics } from '../kafka/preload';
import type { SocketRow } from '../report/results';
export async function runSocketDelivery(_o: {
  kafka: Kafka;
  bootstrapServers: string;
  topics: NexmarkTopics;
  counts: Readonly<Record<keyof NexmarkTopics, number>>;
  quick: boolean;
  log: (l: string) => void;
}): Promise<SocketRow[]> {
  return [];
}
