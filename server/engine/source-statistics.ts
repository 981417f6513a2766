/**
 * Runtime statistics for DESCRIBE EXTENDED and SHOW QUERIES EXTENDED. The catalog knows what
 * exists; only the query runtime knows how fast it runs, so the runtime implements this provider
 * (the engine works without one: the fields stay empty, as ksqlDB's do before any traffic).
 */
export interface ThroughputStatistics {
  /** Records per second over the last minute or so. */
  readonly messagesPerSecond: number;
  readonly totalMessages: number;
  /** Epoch ms of the last record, null before the first. */
  readonly lastMessageAt: number | null;
}

export interface ErrorStatistics {
  readonly errorsPerSecond: number;
  readonly totalErrors: number;
  readonly lastError?: { readonly message: string; readonly at: number };
}

export interface QueryRuntimeStatistics {
  /** RUNNING, PAUSED, ERROR, PENDING (assigned no partitions yet)… as the runtime sees it. */
  readonly state?: string;
  readonly consumed: ThroughputStatistics;
  readonly produced: ThroughputStatistics;
  readonly errors: ErrorStatistics;
  /** Bytes held by the query's state stores and buffers, when measured. */
  readonly memoryBytes?: number;
  /** Input records not yet read (consumer lag), when known. */
  readonly lagRecords?: number | null;
}

export interface SourceStatisticsProvider {
  /** Statistics of one persistent query on this engine; undefined when it does not run here. */
  query(queryId: string): QueryRuntimeStatistics | undefined;
}

/**
 * ksqlDB prints DESCRIBE EXTENDED statistics as one text line of `name: value` pairs; the source's
 * figures are the sums over the queries reading it (consumer side) and writing it (producer side).
 */
export function statisticsText(
  readers: readonly QueryRuntimeStatistics[],
  writers: readonly QueryRuntimeStatistics[],
): { statistics: string; errorStats: string } {
  const parts: string[] = [];
  const sum = (xs: readonly ThroughputStatistics[]): ThroughputStatistics => ({
    messagesPerSecond: xs.reduce((s, x) => s + x.messagesPerSecond, 0),
    totalMessages: xs.reduce((s, x) => s + x.totalMessages, 0),
    lastMessageAt: xs.reduce<number | null>(
      (m, x) => (x.lastMessageAt !== null && (m === null || x.lastMessageAt > m) ? x.lastMessageAt : m),
      null,
    ),
  });
  if (readers.length > 0) {
    const c = sum(readers.map((r) => r.consumed));
    parts.push(`consumer-messages-per-sec: ${round(c.messagesPerSecond)}`);
    parts.push(`consumer-total-messages: ${c.totalMessages}`);
    if (c.lastMessageAt !== null) parts.push(`last-message: ${new Date(c.lastMessageAt).toISOString()}`);
  }
  if (writers.length > 0) {
    const p = sum(writers.map((w) => w.produced));
    parts.push(`messages-per-sec: ${round(p.messagesPerSecond)}`);
    parts.push(`total-messages: ${p.totalMessages}`);
  }
  const memory = [...readers, ...writers].reduce((s, q) => s + (q.memoryBytes ?? 0), 0);
  if (memory > 0) parts.push(`memory-bytes: ${memory}`);
  const all = [...readers, ...writers];
  const errors = all.reduce((s, q) => s + q.errors.totalErrors, 0);
  const errorRate = all.reduce((s, q) => s + q.errors.errorsPerSecond, 0);
  return {
    statistics: parts.join(' '),
    errorStats: all.length > 0 ? `errors-per-sec: ${round(errorRate)} total-errors: ${errors}` : '',
  };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
