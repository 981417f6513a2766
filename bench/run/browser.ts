import type { Kafka } from 'kafkajs';
import type { BrowserResult } from '../report/results';
export async function runBrowser(_o: {
  kafka: Kafka;
  bootstrapServers: string;
  quick: boolean;
  seconds: number;
  log: (l: string) => void;
}): Promise<BrowserResult> {
  return { measured: false, reason: 'not implemented yet' };
}
