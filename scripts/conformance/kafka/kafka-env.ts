import { randomBytes } from 'node:crypto';
import kafkajs, { type Admin, type Kafka } from 'kafkajs';
import { createKafka } from '../../../server/kafka/client';
import { silentLogger } from '../../../server/log/logger';
import { startBroker, type RunningBroker } from '../../kafka/broker';

/**
 * The broker the --kafka cases share, the kafkajs client every case's engine uses, and an admin for
 * broker-wide requests only (cases use admins of their own: see kafka-executor.ts).
 */
export interface KafkaEnv {
  readonly bootstrap: string;
  readonly kafka: Kafka;
  readonly admin: Admin;
  /** Distinguishes this run's topics and service ids from any other run on the same broker. */
  readonly runId: string;
  /** Disconnects, and stops the broker if this run started it. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * `KAFKA_BOOTSTRAP_SERVERS` when set, else an ephemeral embedded broker started for this run.
 * QTT inputs carry timestamps near 0 (1970), so the embedded broker's retention is switched off:
 * time-based retention would otherwise delete a running case's records at its next check.
 */
export async function openKafkaEnv(log: (line: string) => void): Promise<KafkaEnv> {
  let broker: RunningBroker | undefined;
  let bootstrap = process.env.KAFKA_BOOTSTRAP_SERVERS;
  if (!bootstrap) {
    broker = await startBroker({ ephemeral: true, log });
    bootstrap = broker.bootstrapServers;
  }
  const kafka = createKafka({
    bootstrapServers: bootstrap.split(','),
    clientId: 'kappa-conformance',
    logger: silentLogger,
  });
  const admin = kafka.admin();
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      await admin.disconnect().catch(() => {});
      await broker?.stop();
    })());
  try {
    await admin.connect();
    if (broker) await disableRetention(admin);
  } catch (e) {
    await close();
    throw e;
  }
  return { bootstrap, kafka, admin, runId: randomBytes(3).toString('hex'), close };
}

async function disableRetention(admin: Admin): Promise<void> {
  const { brokers } = await admin.describeCluster();
  await admin.alterConfigs({
    validateOnly: false,
    resources: brokers.map((b) => ({
      type: kafkajs.ConfigResourceTypes.BROKER, // CommonJS: not a named export under ESM
      name: String(b.nodeId),
      configEntries: [{ name: 'log.retention.ms', value: '-1' }],
    })),
  });
}
