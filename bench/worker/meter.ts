/**
 * Measures a job from inside its process: CPU (process.cpuUsage), event-loop delay
 * (monitorEventLoopDelay), GC pauses and RSS, from the first batch to the end of the work.
 */
import {
  PerformanceObserver,
  monitorEventLoopDelay,
  performance,
  type IntervalHistogram,
} from 'node:perf_hooks';
import type { ChildMessage, RunMeasurement } from './protocol';

export function now(): number {
  return performance.timeOrigin + performance.now();
}

export function send(message: ChildMessage): void {
  process.send?.(message);
}

export class RunMeter {
  private startedAt = 0;
  private cpu0: NodeJS.CpuUsage | undefined;
  private eld: IntervalHistogram | undefined;
  private gcMs = 0;
  private gc: PerformanceObserver | undefined;
  private finished: RunMeasurement | undefined;
  private last: { at: number; cpu: NodeJS.CpuUsage } | undefined;

  get started(): boolean {
    return this.cpu0 !== undefined;
  }

  /** Call at the first fetched batch; later calls do nothing. */
  start(): void {
    if (this.cpu0) return;
    this.startedAt = now();
    this.cpu0 = process.cpuUsage();
    this.eld = monitorEventLoopDelay({ resolution: 5 });
    this.eld.enable();
    this.gc = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) this.gcMs += e.duration;
    });
    this.gc.observe({ entryTypes: ['gc'] });
    send({ type: 'started', at: this.startedAt });
  }

  /** Remembers the time and CPU of the latest completed unit of work (a batch and its write). */
  mark(): void {
    this.last = { at: now(), cpu: process.cpuUsage() };
  }

  /**
   * Fails the run when no unit of work completes for `stallMs` after the start, so a stuck query
   * costs seconds instead of the whole timeout. `progress` describes how far it got.
   */
  watchStalls(stallMs: number, progress: () => string): () => void {
    const timer = setInterval(() => {
      if (!this.started || this.finished) return;
      const lastAt = this.last?.at ?? this.startedAt;
      if (now() - lastAt < stallMs) return;
      clearInterval(timer);
      send({
        type: 'error',
        message: `stalled: no batch completed for ${stallMs / 1000} s after ${progress()}`,
      });
    }, 1000);
    timer.unref();
    return () => clearInterval(timer);
  }

  /** Ends the measurement at the last mark (or now) and reports it once. */
  finish(records: number, extra?: Readonly<Record<string, unknown>>): RunMeasurement {
    if (this.finished) return this.finished;
    const end = this.last ?? { at: now(), cpu: process.cpuUsage() };
    const cpu = process.cpuUsage(this.cpu0);
    const sinceEnd = process.cpuUsage(end.cpu);
    this.eld?.disable();
    this.gc?.disconnect();
    const ns = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? 0 : v / 1e6);
    this.finished = {
      records,
      startedAt: this.startedAt,
      finishedAt: end.at,
      cpuUserUs: cpu.user - sinceEnd.user,
      cpuSystemUs: cpu.system - sinceEnd.system,
      eventLoopDelayP50Ms: ns(this.eld?.percentile(50)),
      eventLoopDelayP99Ms: ns(this.eld?.percentile(99)),
      eventLoopDelayMaxMs: ns(this.eld?.max),
      gcMs: this.gcMs,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      rssMb: process.memoryUsage().rss / 1024 / 1024,
      ...(extra ? { extra } : {}),
    };
    send({ type: 'done', result: this.finished });
    return this.finished;
  }
}
