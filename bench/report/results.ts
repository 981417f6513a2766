/** The JSON document one benchmark run writes (bench/out/results-*.json). */
import type { PreloadResult } from '../kafka/preload';
import type { InProcRow } from '../run/inproc';
import type { MachineInfo } from '../run/machine';
import type { BenchOptions } from '../run/options';
import type { RunRow } from '../run/throughput';
import type { LatencySummary } from '../stats/stats';

export interface LatencyRow {
  /** 'B5' (produce → consume, no engine) or the engine query that sits in between. */
  readonly path: string;
  readonly offeredPerSec: number;
  readonly achievedPerSec: number;
  readonly latencyMs: LatencySummary;
  /** Engine percentiles minus B5's at the same load. */
  readonly addedMs?: { readonly p50: number; readonly p95: number; readonly p99: number };
  readonly engineCpuUsPerEvent?: number;
  readonly error?: string;
}

export interface SocketRow {
  readonly scenario: string;
  readonly viewers: number;
  /** Rows received by each viewer per second (median over viewers), and in total. */
  readonly rowsPerSecPerViewer?: number;
  readonly rowsPerSecTotal?: number;
  readonly rows?: number;
  readonly latencyMs?: LatencySummary;
  readonly engineCpuUsPerRow?: number;
  readonly error?: string;
}

export interface BrowserRow {
  readonly offeredRowsPerSec: number;
  readonly rowsPerSec: number;
  readonly fps: number;
  readonly longTasks: number;
  readonly eventToPaintMs: LatencySummary;
}

export type BrowserResult =
  | { readonly measured: true; readonly rows: readonly BrowserRow[] }
  | { readonly measured: false; readonly reason: string };

export interface BenchResults {
  readonly startedAt: string;
  finishedAt?: string;
  readonly options: BenchOptions;
  readonly machine: MachineInfo;
  readonly preload: PreloadResult;
  throughput: RunRow[];
  inproc: InProcRow[];
  latency: LatencyRow[];
  socket: SocketRow[];
  browser: BrowserResult;
}
