import kafkajs, { type Kafka } from 'kafkajs';
import type { Logger } from '../log/logger';

/**
 * Kappa's command topic. Deliberately not ksqlDB's `_confluent-ksql-<id>command_topic`: a Kappa
 * engine and a ksqlDB server with the same service id must never read each other's records.
 */
export function commandTopicName(serviceId: string): string {
  return `_kappa-${serviceId}_command_topic`;
}

/** The topic configuration the catalog's durability depends on (ksqlDB's KsqlInternalTopicUtils). */
export const COMMAND_TOPIC_CONFIG: Readonly<Record<string, string>> = {
  'retention.ms': '-1',
  'cleanup.policy': 'delete',
  'unclean.leader.election.enable': 'false',
};

// kafkajs is CommonJS; under Node's ESM loader only some of its exports are named ones.
const { ConfigResourceTypes } = kafkajs;

export class CommandTopicError extends Error {
  override readonly name = 'CommandTopicError';
}

/**
 * Creates the command topic if missing (one partition, infinite retention) and repairs its
 * configuration if someone changed it — a `retention.ms` other than -1 would silently delete the
 * catalog (ksqlDB #5569). More than one partition cannot be repaired (records would lose their
 * order), so it stops the engine with a clear error instead.
 */
export async function ensureCommandTopic(
  kafka: Kafka,
  topic: string,
  options: { replicas?: number; log: Logger },
): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const created = await admin.createTopics({
      waitForLeaders: true,
      topics: [
        {
          topic,
          numPartitions: 1,
          replicationFactor: options.replicas ?? -1,
          configEntries: Object.entries(COMMAND_TOPIC_CONFIG).map(([name, value]) => ({ name, value })),
        },
      ],
    });
    if (created) {
      options.log.info('created the command topic', { topic });
      return;
    }
    const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
    const partitions = metadata.topics[0]?.partitions.length ?? 0;
    if (partitions !== 1) {
      throw new CommandTopicError(
        `The command topic ${topic} has ${partitions} partitions; it must have exactly 1. Recreate it from an export (scripts/catalog/export.ts, then import.ts).`,
      );
    }
    const described = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name: topic }],
    });
    const entries = described.resources[0]?.configEntries ?? [];
    const wrong = Object.entries(COMMAND_TOPIC_CONFIG).filter(
      ([name, value]) => entries.find((e) => e.configName === name)?.configValue !== value,
    );
    if (wrong.length === 0) return;
    options.log.warn('fixing the command topic configuration', {
      topic,
      settings: wrong.map(([name]) => `${name}=${entries.find((e) => e.configName === name)?.configValue}`),
    });
    // AlterConfigs replaces every topic-level setting: keep the ones set, override ours.
    const kept = entries
      .filter((e) => !e.isDefault && !e.readOnly && !(e.configName in COMMAND_TOPIC_CONFIG))
      .map((e) => ({ name: e.configName, value: e.configValue }));
    await admin.alterConfigs({
      validateOnly: false,
      resources: [
        {
          type: ConfigResourceTypes.TOPIC,
          name: topic,
          configEntries: [
            ...kept,
            ...Object.entries(COMMAND_TOPIC_CONFIG).map(([name, value]) => ({ name, value })),
          ],
        },
      ],
    });
  } finally {
    await admin.disconnect();
  }
}
