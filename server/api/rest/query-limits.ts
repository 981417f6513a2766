import { ErrorCodes } from '../../../lib/contracts/errors';
import type { EngineApi } from '../../engine/engine-api';
import type { QueryHandle } from '../../engine/queries/query-handle';
import { KappaError } from '../../errors/kappa-error';

export interface QueryLimitsConfig {
  /** ksqlDB's ksql.max.push.queries (default 100). */
  readonly maxPushQueries: number;
  /** Pull queries per second; null for no limit. */
  readonly pullQueriesPerSecond: number | null;
}

/**
 * Admission control for transient queries: a cap on concurrent push queries (40003, counted over
 * every transient query the engine runs, REST or socket.io) and a token bucket for pull queries
 * (429 / 42900). A refused handle is closed before it starts, so it costs nothing.
 */
export class QueryLimits {
  private tokens: number;
  private refilledAt: number;

  constructor(
    private readonly engine: Pick<EngineApi, 'transientQueries'>,
    private readonly config: QueryLimitsConfig,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = this.capacity();
    this.refilledAt = now();
  }

  async admit(handle: QueryHandle): Promise<void> {
    const problem = this.check(handle);
    if (problem === undefined) return;
    await handle.close().catch(() => undefined);
    throw problem;
  }

  private check(handle: QueryHandle): KappaError | undefined {
    if (handle.kind === 'push') {
      const others = this.engine
        .transientQueries()
        .filter((q) => q.kind === 'push' && q.id !== handle.id).length;
      if (others >= this.config.maxPushQueries) {
        return new KappaError(
          ErrorCodes.TOO_MANY_PUSH_QUERIES,
          'Not executing statement(s) as it would cause the number of active, push queries to exceed ' +
            `the configured limit (${this.config.maxPushQueries}). Terminate existing PUSH queries, ` +
            "or increase the 'ksql.max.push.queries' setting.",
        );
      }
    }
    if (handle.kind === 'pull' && this.config.pullQueriesPerSecond !== null && !this.takeToken()) {
      return new KappaError(
        ErrorCodes.TOO_MANY_REQUESTS,
        `Host is at rate limit for pull queries. Currently set to ${this.config.pullQueriesPerSecond} qps.`,
      );
    }
    return undefined;
  }

  private capacity(): number {
    return Math.max(1, this.config.pullQueriesPerSecond ?? 1);
  }

  private takeToken(): boolean {
    const rate = this.config.pullQueriesPerSecond ?? 0;
    const now = this.now();
    this.tokens = Math.min(this.capacity(), this.tokens + ((now - this.refilledAt) / 1000) * rate);
    this.refilledAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
