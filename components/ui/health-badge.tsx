'use client';

import type { EngineConnection } from '../workbench/use-engine';
import styles from './health-badge.module.css';

/** The header's live status: engine reachable, and Kafka connected as the engine sees it. */
export function HealthBadge({ engine }: { engine: EngineConnection }) {
  const kafkaUp = engine.connected && engine.health?.kafka.connected === true;
  const status = engine.health?.serverStatus;
  return (
    <div className={styles.badges} aria-live="polite">
      <span
        className={styles.badge}
        data-state={engine.connected ? 'ok' : 'bad'}
        data-testid="engine-status"
        title={engine.error ? 'Set the API key in Settings' : (engine.health?.degradedReason ?? engine.url)}
      >
        <span className={styles.dot} aria-hidden />
        {engine.connected
          ? `Engine ${status === 'DEGRADED' ? 'degraded' : 'connected'}`
          : engine.error
            ? `Engine: ${engine.error}`
            : 'Engine unreachable'}
      </span>
      <span
        className={styles.badge}
        data-state={kafkaUp ? 'ok' : 'bad'}
        data-testid="kafka-status"
        title={engine.health?.kafka.error ?? engine.health?.kafka.bootstrapServers}
      >
        <span className={styles.dot} aria-hidden />
        {kafkaUp ? 'Kafka connected' : 'Kafka disconnected'}
      </span>
    </div>
  );
}
