import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import type { Logger } from '../log/logger';
import { CommandReader } from './command-reader';
import { commandTopicName, ensureCommandTopic } from './command-topic';
import { CommandWriter } from './command-writer';
import { KafkaRecordWriter } from './kafka-record-writer';
import { KafkaTopicService } from './kafka-topic-service';
import { TopicAdmin } from './topic-admin';

/** The kafkajs client, for layers that must not import kafkajs themselves. */
export type KafkaClient = Kafka;

export interface KafkaServices {
  readonly commandTopic: string;
  readonly admin: TopicAdmin;
  readonly topics: KafkaTopicService;
  readonly records: KafkaRecordWriter;
  readonly commandReader: CommandReader;
  readonly commandWriter: CommandWriter;
  close(): Promise<void>;
}

/**
 * Everything one engine instance needs from Kafka for its catalog: the command topic (created or
 * repaired first), its reader (a consumer group unique to this instance) and transactional writer
 * (a transactional id shared by every engine of the service — that sharing is what serializes
 * writes), plus the topic service and record writer statements use.
 */
export async function createKafkaServices(
  kafka: Kafka,
  options: {
    serviceId: string;
    log: Logger;
    replicas?: number;
    /** Distinguishes this instance's consumer group; random by default. */
    instanceId?: string;
    commandTimeoutMs?: number;
  },
): Promise<KafkaServices> {
  const commandTopic = commandTopicName(options.serviceId);
  const log = options.log.child({ component: 'command-topic' });
  await ensureCommandTopic(kafka, commandTopic, {
    log,
    ...(options.replicas !== undefined ? { replicas: options.replicas } : {}),
  });
  const admin = new TopicAdmin(kafka);
  const topics = new KafkaTopicService(admin, kafka);
  const records = new KafkaRecordWriter(kafka);
  const instance = options.instanceId ?? randomUUID();
  const commandReader = new CommandReader(
    kafka,
    commandTopic,
    `_kappa-${options.serviceId}_command_reader_${instance}`,
    log,
  );
  const commandWriter = new CommandWriter(
    kafka,
    commandTopic,
    `_kappa-${options.serviceId}_command_writer`,
    commandReader,
    log,
    options.commandTimeoutMs,
  );
  return {
    commandTopic,
    admin,
    topics,
    records,
    commandReader,
    commandWriter,
    close: async () => {
      await commandWriter.close().catch(() => {});
      await commandReader.stop().catch(() => {});
      await records.close().catch(() => {});
      await topics.close().catch(() => {});
      await admin.close().catch(() => {});
    },
  };
}
