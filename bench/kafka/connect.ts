/**
 * kafkajs clients for the benchmark's own producers and consumers (baselines, pre-loading, reading
 * outputs). The engine builds its client through server/kafka/client.ts like the product does.
 */
import { Kafka, logLevel } from 'kafkajs';

export function benchKafka(bootstrapServers: string, clientId: string): Kafka {
  return new Kafka({
    clientId,
    brokers: bootstrapServers.split(','),
    logLevel: logLevel.NOTHING,
    retry: { initialRetryTime: 100, retries: 8 },
  });
}
