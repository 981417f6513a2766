/**
 * The optional second Kafka client of the benchmark: @confluentinc/kafka-javascript (librdkafka
 * with a KafkaJS-style API). It is not a dependency of Kappa — `npm run bench:rdkafka` builds it
 * into .kappa/bench-clients — and the rdkafka baselines run only when it is there. They answer one
 * question: how much of a kafkajs-based engine's cost is the client's own.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const RDKAFKA_PACKAGE = '@confluentinc/kafka-javascript';
export const RDKAFKA_VERSION = '1.10.1';

export const clientsDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '.kappa',
  'bench-clients',
);

/** The KafkaJS-compatible surface the baselines use (typed here to keep the package optional). */
export interface RdMessage {
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly timestamp: string;
  readonly offset: string;
}
export interface RdBatch {
  readonly topic: string;
  readonly partition: number;
  readonly messages: RdMessage[];
  lastOffset(): string;
}
export interface RdOutMessage {
  key?: Buffer | string | null;
  value: Buffer | string | null;
  partition?: number;
  timestamp?: string;
}
export interface RdProducer {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  send(record: { topic: string; messages: RdOutMessage[] }): Promise<unknown>;
}
export interface RdConsumer {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  subscribe(subscription: { topics: string[] }): Promise<void>;
  run(config: { eachBatch: (payload: { batch: RdBatch }) => Promise<void> }): Promise<void>;
  commitOffsets(offsets: { topic: string; partition: number; offset: string }[]): Promise<void>;
}
export interface RdKafka {
  producer(config: Record<string, unknown>): RdProducer;
  consumer(config: Record<string, unknown>): RdConsumer;
}

export function rdkafkaInstalled(): boolean {
  return fs.existsSync(path.join(clientsDir, 'node_modules', ...RDKAFKA_PACKAGE.split('/'), 'package.json'));
}

export function loadRdkafka(bootstrapServers: string, clientId: string): RdKafka {
  const require = createRequire(path.join(clientsDir, 'package.json'));
  const module = require(RDKAFKA_PACKAGE) as {
    KafkaJS: { Kafka: new (config: Record<string, unknown>) => RdKafka };
  };
  return new module.KafkaJS.Kafka({
    kafkaJS: { clientId, brokers: bootstrapServers.split(','), logLevel: 0 },
  });
}
