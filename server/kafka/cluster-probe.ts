import type { Admin, Kafka } from 'kafkajs';

export interface ClusterState {
  readonly connected: boolean;
  readonly clusterId?: string;
  readonly brokers?: number;
  readonly error?: string;
  readonly checkedAt: number;
}

/**
 * Asks the cluster for its metadata at an interval and remembers the answer, so that health
 * checks are cheap and reflect real connectivity rather than a cached connection object.
 */
export class ClusterProbe {
  private admin: Admin | undefined;
  private timer: NodeJS.Timeout | undefined;
  private state: ClusterState = { connected: false, checkedAt: 0, error: 'not checked yet' };
  private readonly listeners = new Set<(state: ClusterState) => void>();

  constructor(
    private readonly kafka: Kafka,
    private readonly intervalMs: number,
    private readonly onStateChange: (state: ClusterState) => void = () => {},
    private readonly now: () => number = Date.now,
  ) {}

  current(): ClusterState {
    return this.state;
  }

  onChange(listener: (state: ClusterState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    void this.check();
    this.timer = setInterval(() => void this.check(), this.intervalMs);
    this.timer.unref();
  }

  async check(): Promise<ClusterState> {
    let next: ClusterState;
    try {
      this.admin ??= this.kafka.admin({ retry: { retries: 0 } });
      await withTimeout(this.admin.connect(), 5000);
      const cluster = await withTimeout(this.admin.describeCluster(), 5000);
      next = {
        connected: true,
        clusterId: cluster.clusterId,
        brokers: cluster.brokers.length,
        checkedAt: this.now(),
      };
    } catch (error) {
      next = {
        connected: false,
        error: error instanceof Error ? error.message : String(error),
        checkedAt: this.now(),
      };
      const admin = this.admin;
      this.admin = undefined;
      void admin?.disconnect().catch(() => {});
    }
    const changed = next.connected !== this.state.connected || next.brokers !== this.state.brokers;
    this.state = next;
    if (changed) {
      this.onStateChange(next);
      for (const listener of this.listeners) listener(next);
    }
    return next;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.admin?.disconnect().catch(() => {});
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
