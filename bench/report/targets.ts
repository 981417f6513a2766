/** Issue 9's targets, checked against a run. */
import type { BenchResults } from './results';
import { summarizeThroughput } from './markdown';
import { STATEFUL, JOINS, STATELESS } from '../run/workloads';

export interface TargetCheck {
  readonly target: string;
  readonly measured: string;
  readonly met?: boolean;
}

const k = (v: number): string => `${(v / 1000).toFixed(1)} k/s`;

export function evaluateTargets(r: BenchResults): TargetCheck[] {
  const out: TargetCheck[] = [];
  const s = summarizeThroughput(r.throughput);
  const stateless = s.filter((x) => STATELESS.includes(x.id as never));
  if (stateless.length > 0) {
    const worst = stateless.reduce((a, b) => ((a.ratio ?? 0) <= (b.ratio ?? 0) ? a : b));
    out.push({
      target: 'stateless ≥ 0.8× B3',
      measured: stateless.map((x) => `${x.id} ${x.ratio?.toFixed(2) ?? '—'}×`).join(', '),
      met: stateless.every((x) => (x.ratio ?? 0) >= 0.8),
    });
    out.push({
      target: 'stateless ≥ 60,000 events/s',
      measured: stateless.map((x) => `${x.id} ${x.eventsPerSec ? k(x.eventsPerSec) : 'fails'}`).join(', '),
      met: stateless.every((x) => (x.eventsPerSec ?? 0) >= 60_000),
    });
    void worst;
  }
  for (const [name, ids] of [
    ['windows/aggregates', STATEFUL],
    ['joins', JOINS],
  ] as const) {
    const rows = s.filter((x) => ids.includes(x.id as never));
    if (rows.length === 0) continue;
    out.push({
      target: `${name} ≥ 30,000 events/s`,
      measured: rows.map((x) => `${x.id} ${x.eventsPerSec ? k(x.eventsPerSec) : 'fails'}`).join(', '),
      met: rows.every((x) => (x.eventsPerSec ?? 0) >= 30_000),
    });
  }
  const q0 = r.inproc.find((x) => x.id === 'q0');
  out.push({
    target: 'in-process q0 ≥ 500,000 events/s on one core',
    measured: q0?.eventsPerSec ? k(q0.eventsPerSec) : 'not run',
    ...(q0?.eventsPerSec ? { met: q0.eventsPerSec >= 500_000 } : {}),
  });
  const l10 = r.latency.find((x) => x.path === 'engine q1' && x.offeredPerSec === 10_000 && !x.error);
  const b5 = r.latency.find((x) => x.path === 'B5' && x.offeredPerSec === 10_000 && !x.error);
  // Percentile minus percentile is noise-dominated on a shared box (B5's own p99 swings by 100s of
  // ms); judged conservatively: the engine's p99 over B5's median.
  const conservative = l10 && b5 ? l10.latencyMs.p99 - b5.latencyMs.p50 : undefined;
  out.push({
    target: 'added Kafka→Kafka latency p99 ≤ 50 ms at 10k events/s',
    measured:
      l10 && b5 && conservative !== undefined
        ? `engine p99 ${l10.latencyMs.p99.toFixed(0)} ms; − B5 p50 = ${conservative.toFixed(0)} ms; − B5 p99 = ${(l10.addedMs?.p99 ?? NaN).toFixed(0)} ms`
        : 'not run',
    ...(conservative !== undefined ? { met: conservative <= 50 } : {}),
  });
  if (r.browser.measured) {
    const b10 = r.browser.rows.find((x) => x.offeredRowsPerSec === 10_000) ?? r.browser.rows.at(-1);
    if (b10) {
      out.push({
        target: 'event-to-screen p50 ≤ 100 ms, p99 ≤ 250 ms',
        measured: r.browser.rows
          .map(
            (b) =>
              `${k(b.offeredRowsPerSec)}: p50 ${b.eventToPaintMs.p50.toFixed(0)} / p99 ${b.eventToPaintMs.p99.toFixed(0)} ms`,
          )
          .join('; '),
        met: r.browser.rows.every((b) => b.eventToPaintMs.p50 <= 100 && b.eventToPaintMs.p99 <= 250),
      });
      out.push({
        target: 'browser ≥ 50 fps at 10k rows/s',
        measured: `${b10.fps.toFixed(0)} fps`,
        met: b10.fps >= 50,
      });
    }
  } else {
    out.push({ target: 'event-to-screen p50 ≤ 100 ms, p99 ≤ 250 ms', measured: r.browser.reason });
    out.push({ target: 'browser ≥ 50 fps at 10k rows/s', measured: r.browser.reason });
  }
  return out;
}
