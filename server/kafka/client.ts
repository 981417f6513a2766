import { Kafka, logLevel, type KafkaConfig, type LogEntry } from 'kafkajs';
import type { Logger } from '../log/logger';

export interface KafkaConnectionOptions {
  readonly bootstrapServers: readonly string[];
  readonly clientId: string;
  readonly logger: Logger;
}

/**
 * Builds the kafkajs client. kafkajs is imported only in server/kafka; the rest of the engine sees
 * the small interfaces this folder exports.
 */
export function createKafka(options: KafkaConnectionOptions): Kafka {
  const log = options.logger.child({ component: 'kafkajs' });
  const recent = new Map<string, number>();
  const config: KafkaConfig = {
    clientId: options.clientId,
    brokers: [...options.bootstrapServers],
    connectionTimeout: 3000,
    requestTimeout: 30_000,
    retry: { initialRetryTime: 100, retries: 8, maxRetryTime: 5000 },
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, log: entry }: LogEntry) => {
        const { message, stack: _stack, timestamp: _timestamp, logger: _logger, ...fields } = entry;
        const text = `kafka: ${String(message)}`;
        // kafkajs warns whenever an idempotent producer has a finite retry count; our bounded
        // retries are deliberate (a request must fail rather than hang while Kafka is down).
        if (String(message).startsWith('Limiting retries for the idempotent producer')) return;
        // A broker that is down makes kafkajs repeat the same error many times a second; one line
        // per message per half minute is enough (the health probe reports the outage itself).
        const now = Date.now();
        const last = recent.get(text);
        if (last !== undefined && now - last < 30_000) return;
        recent.set(text, now);
        if (recent.size > 1000) recent.clear();
        if (level <= logLevel.ERROR && !isRetriedByKafkajs(entry)) log.error(text, fields);
        else if (level <= logLevel.WARN) log.warn(text, fields);
        else log.debug(text, fields);
      },
  };
  return new Kafka(config);
}

/**
 * kafkajs logs every error response at ERROR, also those it retries itself: a fresh broker's
 * group coordinator is "not available" or "loading" for its first seconds. Those are warnings;
 * a request that finally fails reaches our code as an exception and is reported there.
 */
function isRetriedByKafkajs(entry: LogEntry['log']): boolean {
  const error = (entry as { error?: unknown }).error;
  return (
    String(entry.message).startsWith('Response ') &&
    typeof error === 'string' &&
    /coordinator is (not available|loading)|not the correct coordinator|leader not available|not leader/i.test(
      error,
    )
  );
}
