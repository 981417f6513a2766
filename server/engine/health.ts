import type { HealthSnapshot } from '../../lib/contracts/health';
import type { ClusterProbe, ClusterState } from '../kafka/cluster-probe';
import { KAPPA_VERSION } from '../version';

export type ServerStatus = HealthSnapshot['serverStatus'];

/** What the API needs to know about the engine's health; implemented once, here. */
export interface HealthSource {
  snapshot(): HealthSnapshot;
  onChange(listener: (health: HealthSnapshot) => void): () => void;
}

/**
 * Combines Kafka connectivity (from the cluster probe) with the command runner's state into the
 * snapshot served by /info, /healthcheck and the workbench header.
 */
export class EngineHealth implements HealthSource {
  private status: ServerStatus = 'STARTING';
  private reason: string | undefined;
  private readonly listeners = new Set<(health: HealthSnapshot) => void>();

  constructor(
    private readonly probe: ClusterProbe,
    private readonly serviceId: string,
    private readonly bootstrapServers: string,
  ) {
    probe.onChange(() => this.notify());
  }

  setServerStatus(status: ServerStatus, reason?: string): void {
    if (status === this.status && reason === this.reason) return;
    this.status = status;
    this.reason = reason;
    this.notify();
  }

  serverStatus(): ServerStatus {
    return this.status;
  }

  snapshot(): HealthSnapshot {
    const kafka: ClusterState = this.probe.current();
    return {
      version: KAPPA_VERSION,
      serviceId: this.serviceId,
      serverStatus: this.status,
      ...(this.reason !== undefined ? { degradedReason: this.reason } : {}),
      kafka: {
        connected: kafka.connected,
        bootstrapServers: this.bootstrapServers,
        ...(kafka.clusterId !== undefined ? { clusterId: kafka.clusterId } : {}),
        ...(kafka.brokers !== undefined ? { brokers: kafka.brokers } : {}),
        ...(kafka.error !== undefined ? { error: kafka.error } : {}),
        checkedAt: kafka.checkedAt,
      },
    };
  }

  onChange(listener: (health: HealthSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    const snapshot = this.snapshot();
    for (const listener of this.listeners) listener(snapshot);
  }
}
