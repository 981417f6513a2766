import type { Kafka } from 'kafkajs';
import type { LatencyRow } from '../report/results';
export async function runLatency(_o: {
  kafka: Kafka;
  bootstrapServers: string;
  seconds: number;
  log: (l: string) => void;
}): Promise<LatencyRow[]> {
  return [];
}
