import type { QueryRuntimeStatistics, SourceStatisticsProvider } from './source-statistics';

/** The counters a query runtime keeps per query (KafkaQueryRuntime.stats matches this). */
export interface RuntimeQueryCounters {
  readonly processed: number;
  readonly errors: number;
  readonly lastError: { readonly message: string; readonly at: number } | null;
  readonly recordsPerSecond: number;
}

/**
 * Adapts a runtime's per-query counters to the statistics DESCRIBE EXTENDED shows. The runtime
 * counts records processed (read) per query; what a query writes is reported as the same count,
 * which holds for filters and projections and over-counts for aggregations (documented gap).
 */
export function statisticsFromRuntime(runtime: {
  stats(queryId: string): RuntimeQueryCounters | undefined;
}): SourceStatisticsProvider {
  const errorRates = new Map<string, { at: number; errors: number; rate: number }>();
  return {
    query(queryId: string): QueryRuntimeStatistics | undefined {
      const s = runtime.stats(queryId);
      if (!s) return undefined;
      const now = Date.now();
      const prev = errorRates.get(queryId);
      let rate = prev?.rate ?? 0;
      if (!prev || now - prev.at >= 1000) {
        rate = prev ? ((s.errors - prev.errors) * 1000) / (now - prev.at) : 0;
        errorRates.set(queryId, { at: now, errors: s.errors, rate });
      }
      const throughput = {
        messagesPerSecond: s.recordsPerSecond,
        totalMessages: s.processed,
        lastMessageAt: null,
      };
      // No state: a query with no partitions here may be running on another engine.
      return {
        consumed: throughput,
        produced: throughput,
        errors: {
          errorsPerSecond: rate,
          totalErrors: s.errors,
          ...(s.lastError ? { lastError: s.lastError } : {}),
        },
      };
    },
  };
}
