/**
 * Messages between the harness and a measured child process. Each job runs in its own process so
 * its CPU time, RSS and event-loop delay are its own (the broker and the harness are elsewhere).
 */

/** What a child measured between its first fetched batch and the end of its work. */
export interface RunMeasurement {
  /** Input records processed. */
  readonly records: number;
  /** Epoch ms (with sub-ms precision) of the first batch and of the end of the last write. */
  readonly startedAt: number;
  readonly finishedAt: number;
  readonly cpuUserUs: number;
  readonly cpuSystemUs: number;
  readonly eventLoopDelayP50Ms: number;
  readonly eventLoopDelayP99Ms: number;
  readonly eventLoopDelayMaxMs: number;
  readonly gcMs: number;
  /** Peak resident set of the whole process, MB. */
  readonly peakRssMb: number;
  readonly rssMb: number;
  /** Job-specific figures (rows out, latency summaries…). */
  readonly extra?: Readonly<Record<string, unknown>>;
}

export type ChildMessage =
  | { readonly type: 'ready'; readonly port?: number }
  | { readonly type: 'started'; readonly at: number }
  | { readonly type: 'done'; readonly result: RunMeasurement }
  | { readonly type: 'error'; readonly message: string };

/** `report`: finish the measurement now (open-ended jobs) and send it. */
export type ParentMessage = { readonly type: 'stop' } | { readonly type: 'report' };

export function isChildMessage(m: unknown): m is ChildMessage {
  return typeof m === 'object' && m !== null && typeof (m as { type?: unknown }).type === 'string';
}
