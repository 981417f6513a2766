/** Renders a run's results as the markdown tables of bench/out/*.md and bench/RESULTS.md. */
import { median } from '../stats/stats';
import type { RunRow } from '../run/throughput';
import { group, yardstick, type WorkloadId } from '../run/workloads';
import type { BenchResults } from './results';
import { evaluateTargets } from './targets';

export interface WorkloadSummary {
  readonly id: WorkloadId;
  readonly runs: number;
  readonly eventsPerSec?: number;
  readonly cpuUsPerEvent?: number;
  readonly ratio?: number;
  readonly ratioTo?: string;
  readonly brokerCpuShare?: number;
  readonly peakRssMb?: number;
  readonly eventLoopP99Ms?: number;
  readonly gcShare?: number;
  readonly check: string;
  readonly error?: string;
}

const med = (rows: readonly RunRow[], f: (r: RunRow) => number | undefined): number | undefined => {
  const values = rows.map(f).filter((v): v is number => v !== undefined && Number.isFinite(v));
  return values.length > 0 ? median(values) : undefined;
};

export function summarizeThroughput(rows: readonly RunRow[]): WorkloadSummary[] {
  const ids = [...new Set(rows.map((r) => r.id))];
  const rate = new Map<WorkloadId, number | undefined>();
  for (const id of ids)
    rate.set(
      id,
      med(
        rows.filter((r) => r.id === id && !r.error),
        (r) => r.eventsPerSec,
      ),
    );
  return ids.map((id) => {
    const ok = rows.filter((r) => r.id === id && !r.error);
    const failed = rows.find((r) => r.id === id && r.error);
    const checked = rows.find((r) => r.id === id && r.check);
    const to = yardstick(id);
    const mine = rate.get(id);
    const theirs = to ? rate.get(to) : undefined;
    return {
      id,
      runs: ok.length,
      ...(mine !== undefined ? { eventsPerSec: mine } : {}),
      ...(med(ok, (r) => r.cpuUsPerEvent) !== undefined
        ? { cpuUsPerEvent: med(ok, (r) => r.cpuUsPerEvent) }
        : {}),
      ...(mine !== undefined && theirs !== undefined && to
        ? { ratio: mine / theirs, ratioTo: to.toUpperCase() }
        : {}),
      ...(med(ok, (r) => (r.brokerCpuSeconds ?? NaN) / (r.wallSeconds ?? NaN)) !== undefined
        ? { brokerCpuShare: med(ok, (r) => (r.brokerCpuSeconds ?? NaN) / (r.wallSeconds ?? NaN)) }
        : {}),
      ...(med(ok, (r) => r.peakRssMb) !== undefined ? { peakRssMb: med(ok, (r) => r.peakRssMb) } : {}),
      ...(med(ok, (r) => r.eventLoopP99Ms) !== undefined
        ? { eventLoopP99Ms: med(ok, (r) => r.eventLoopP99Ms) }
        : {}),
      ...(med(ok, (r) => (r.gcMs ?? NaN) / 1000 / (r.wallSeconds ?? NaN)) !== undefined
        ? { gcShare: med(ok, (r) => (r.gcMs ?? NaN) / 1000 / (r.wallSeconds ?? NaN)) }
        : {}),
      check: !checked?.check
        ? id === 'b1' || id === 'b1-rdkafka'
          ? 'n/a (no output)'
          : ok.length > 0
            ? 'count only'
            : '—'
        : checked.check.ok
          ? `ok (${checked.check.actual.rows} rows)`
          : `MISMATCH: ${checked.check.actual.rows} rows vs ${checked.check.expected.rows} expected`,
      ...(failed && ok.length === 0 ? { error: failed.error } : {}),
    };
  });
}

const n0 = (v: number | undefined): string => (v === undefined ? '—' : Math.round(v).toLocaleString('en-US'));
const n1 = (v: number | undefined): string => (v === undefined ? '—' : v.toFixed(1));
const n2 = (v: number | undefined): string => (v === undefined ? '—' : v.toFixed(2));
const pct = (v: number | undefined): string => (v === undefined ? '—' : `${Math.round(v * 100)} %`);
const oneLine = (s: string): string => s.replace(/\s+/g, ' ').replace(/\|/g, '\\|').slice(0, 160);

export function renderMarkdown(r: BenchResults): string {
  const out: string[] = [];
  const m = r.machine;
  out.push(`# Kappa benchmark — ${r.startedAt.slice(0, 10)}${r.options.quick ? ' (quick)' : ''}`, '');
  out.push(
    `Machine: ${m.cpus} cores (${m.cpuModel}), ${m.memoryGb} GB, ${m.platform}; Node ${m.node}; Kafka ${m.kafka} ` +
      `(single-node KRaft broker on the same cores); kafkajs ${m.kafkajs}; load average at start ${m.loadAverage.toFixed(2)}.`,
    '',
    `Data: ${r.options.events.toLocaleString('en-US')} Nexmark events (seed ${r.options.seed}, ${r.options.eventRate.toLocaleString('en-US')} events per event-second) ` +
      `→ ${r.preload.counts.bid.toLocaleString('en-US')} bids, ${r.preload.counts.auction.toLocaleString('en-US')} auctions, ` +
      `${r.preload.counts.person.toLocaleString('en-US')} persons, JSON values, ${r.options.partitions} partition(s); ` +
      `${r.options.rounds} interleaved round(s), medians shown.`,
    '',
  );
  if (r.throughput.length > 0) {
    out.push('## Throughput, Kafka → Kafka (catch-up on the pre-loaded topics)', '');
    out.push(
      '| Workload | Kind | events/s | CPU µs/event | ratio | broker CPU | peak RSS MB | ELD p99 ms | GC | runs | output check |',
      '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    );
    for (const s of summarizeThroughput(r.throughput)) {
      const ratio = s.ratio !== undefined ? `${s.ratio.toFixed(2)}× ${s.ratioTo}` : '—';
      if (s.error) {
        out.push(
          `| ${s.id} | ${group(s.id)} | — | — | — | — | — | — | — | 0 | **fails**: ${oneLine(s.error)} |`,
        );
        continue;
      }
      out.push(
        `| ${s.id} | ${group(s.id)} | ${n0(s.eventsPerSec)} | ${n2(s.cpuUsPerEvent)} | ${ratio} | ${pct(s.brokerCpuShare)} | ${n0(s.peakRssMb)} | ${n1(s.eventLoopP99Ms)} | ${pct(s.gcShare)} | ${s.runs} | ${s.check} |`,
      );
    }
    out.push(
      '',
      'events/s = input records ÷ wall time from the first fetched batch to the last batch written and committed; ' +
        "CPU µs/event = the worker process's CPU (user + system) over the same window ÷ input records; broker CPU = the " +
        "broker JVM's CPU seconds ÷ wall seconds (100 % = one core). Ratios: stateless and joins ÷ B3, q5 ÷ B4-hopping, " +
        'other aggregates ÷ B4-tumbling, B3 ÷ B2, B2 ÷ B1.',
      '',
    );
  }
  if (r.inproc.length > 0) {
    out.push('## B6: operators in-process (no Kafka, no JSON, one core)', '');
    out.push('| Query | events/s | CPU µs/event | rows out | errors |', '|---|---:|---:|---:|---:|');
    for (const row of r.inproc) {
      if (row.error) out.push(`| ${row.id} | — | — | — | **fails**: ${oneLine(row.error)} |`);
      else
        out.push(
          `| ${row.id} | ${n0(row.eventsPerSec)} | ${n2(row.cpuUsPerEvent)} | ${n0(row.rowsOut)} | ${row.errors ?? 0} |`,
        );
    }
    out.push('');
  }
  if (r.latency.length > 0) {
    out.push('## Latency at fixed offered loads (open loop, record timestamp = scheduled send time)', '');
    out.push(
      '| Path | offered/s | achieved/s | p50 ms | p95 ms | p99 ms | max ms | added p50 | added p95 | added p99 | engine CPU µs/event |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    );
    for (const l of r.latency) {
      if (l.error) {
        out.push(
          `| ${l.path} | ${n0(l.offeredPerSec)} | — | — | — | — | — | — | — | — | **fails**: ${oneLine(l.error)} |`,
        );
        continue;
      }
      out.push(
        `| ${l.path} | ${n0(l.offeredPerSec)} | ${n0(l.achievedPerSec)} | ${n1(l.latencyMs.p50)} | ${n1(l.latencyMs.p95)} | ${n1(l.latencyMs.p99)} | ${n1(l.latencyMs.max)} | ${n1(l.addedMs?.p50)} | ${n1(l.addedMs?.p95)} | ${n1(l.addedMs?.p99)} | ${n2(l.engineCpuUsPerEvent)} |`,
      );
    }
    out.push('');
  }
  if (r.socket.length > 0) {
    out.push('## socket.io delivery (engine side, real socket.io server, Node clients)', '');
    out.push(
      '| Scenario | viewers | rows/s per viewer | rows/s total | rows | p50 ms | p99 ms | engine CPU µs/row |',
      '|---|---:|---:|---:|---:|---:|---:|---:|',
    );
    for (const s of r.socket) {
      if (s.error) {
        out.push(`| ${s.scenario} | ${s.viewers} | — | — | — | — | — | **fails**: ${oneLine(s.error)} |`);
        continue;
      }
      out.push(
        `| ${s.scenario} | ${s.viewers} | ${n0(s.rowsPerSecPerViewer)} | ${n0(s.rowsPerSecTotal)} | ${n0(s.rows)} | ${n1(s.latencyMs?.p50)} | ${n1(s.latencyMs?.p99)} | ${n2(s.engineCpuUsPerRow)} |`,
      );
    }
    out.push('');
  }
  out.push('## Browser (Chromium via Playwright)', '');
  if (r.browser.measured) {
    out.push(
      '| offered rows/s | rows/s shown | fps | long tasks | event→paint p50 ms | p95 ms | p99 ms |',
      '|---:|---:|---:|---:|---:|---:|---:|',
    );
    for (const b of r.browser.rows) {
      out.push(
        `| ${n0(b.offeredRowsPerSec)} | ${n0(b.rowsPerSec)} | ${n1(b.fps)} | ${b.longTasks} | ${n1(b.eventToPaintMs.p50)} | ${n1(b.eventToPaintMs.p95)} | ${n1(b.eventToPaintMs.p99)} |`,
      );
    }
  } else out.push(`Not measured: ${r.browser.reason}`);
  out.push('', '## Targets', '', '| Target | Measured | Met |', '|---|---|---|');
  for (const t of evaluateTargets(r))
    out.push(
      `| ${t.target} | ${t.measured} | ${t.met === undefined ? 'not measured' : t.met ? 'yes' : '**no**'} |`,
    );
  out.push('');
  return out.join('\n');
}
