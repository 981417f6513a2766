/**
 * Catch-up throughput on the pre-loaded topics: every workload in its own child process, rounds
 * interleaved (all workloads once, then again…), output checked against the reference in the
 * first round, outputs and internal topics deleted after each run.
 */
import type { Kafka } from 'kafkajs';
import { outputFolder, type CheckId } from '../check/expectations';
import { sameDigest, type Digest } from '../check/digest';
import type { NexmarkTopics } from '../kafka/preload';
import { readTopic } from '../kafka/read-topic';
import { BenchAdmin } from '../kafka/topics';
import type { Job } from '../worker/jobs';
import { runChild } from './child';
import { inputsOf, isBaseline, type WorkloadId } from './workloads';

export interface RunRow {
  readonly id: WorkloadId;
  readonly round: number;
  readonly eventsPerSec?: number;
  readonly cpuUsPerEvent?: number;
  readonly wallSeconds?: number;
  readonly brokerCpuSeconds?: number;
  readonly peakRssMb?: number;
  readonly eventLoopP99Ms?: number;
  readonly gcMs?: number;
  readonly outputRecords?: number;
  readonly check?: { readonly ok: boolean; readonly expected: Digest; readonly actual: Digest };
  readonly error?: string;
  readonly warnings?: readonly string[];
}

export interface ThroughputOptions {
  readonly kafka: Kafka;
  readonly bootstrapServers: string;
  readonly topics: NexmarkTopics;
  readonly counts: Readonly<Record<keyof NexmarkTopics, number>>;
  readonly partitions: number;
  readonly expected: ReadonlyMap<CheckId, Digest>;
  readonly brokerPid?: number;
  readonly rounds: number;
  readonly timeoutMs: number;
  readonly profileDir?: string;
  readonly log: (line: string) => void;
}

function countOf(topic: string, o: ThroughputOptions): number {
  const entry = (Object.keys(o.topics) as (keyof NexmarkTopics)[]).find((k) => o.topics[k] === topic);
  return entry ? o.counts[entry] : 0;
}

const consumeOnly = (id: WorkloadId): boolean => id === 'b1' || id === 'b1-rdkafka';

function checkIdOf(id: WorkloadId): CheckId | undefined {
  if (id === 'b3' || id === 'b3-rdkafka') return 'q1';
  if (id === 'b4-hopping') return 'q5';
  if (id === 'b4-tumbling') return 'b4-tumbling';
  return isBaseline(id) ? undefined : id;
}

async function runOne(id: WorkloadId, round: number, o: ThroughputOptions): Promise<RunRow> {
  const tag = `${id.replace(/[^a-z0-9]/g, '')}_r${round}_${Date.now().toString(36)}`;
  const output = `bench_out_${tag}`;
  const inputs = Object.fromEntries(inputsOf(id, o.topics).map((t) => [t, countOf(t, o)]));
  const serviceId = `bench_${tag}`;
  const admin = new BenchAdmin(o.kafka);
  if (isBaseline(id) && !consumeOnly(id)) await admin.create([output], o.partitions);
  const base = { bootstrapServers: o.bootstrapServers, inputs, output, partitions: o.partitions };
  const job: Job = isBaseline(id)
    ? { ...base, kind: 'baseline', baseline: id }
    : { ...base, kind: 'engine', query: id, sources: o.topics, serviceId };
  // One folder per workload: the tsx loader's worker thread writes a profile of its own there too.
  const profile = o.profileDir && round === 0 ? [`--cpu-prof`, `--cpu-prof-dir=${o.profileDir}/${id}`] : [];
  const outcome = await runChild(job, {
    timeoutMs: o.timeoutMs,
    ...(o.brokerPid !== undefined ? { brokerPid: o.brokerPid } : {}),
    nodeFlags: profile,
  });
  const row: RunRow = { id, round, ...(outcome.warnings.length > 0 ? { warnings: outcome.warnings } : {}) };
  try {
    if (!outcome.result) return { ...row, error: outcome.error ?? 'no result' };
    const r = outcome.result;
    const wall = (r.finishedAt - r.startedAt) / 1000;
    const measured: RunRow = {
      ...row,
      eventsPerSec: r.records / wall,
      cpuUsPerEvent: (r.cpuUserUs + r.cpuSystemUs) / r.records,
      wallSeconds: wall,
      ...(outcome.brokerCpuSeconds !== undefined ? { brokerCpuSeconds: outcome.brokerCpuSeconds } : {}),
      peakRssMb: r.peakRssMb,
      eventLoopP99Ms: r.eventLoopDelayP99Ms,
      gcMs: r.gcMs,
    };
    if (consumeOnly(id)) return measured;
    const outputRecords = await admin.count(output).catch(() => 0);
    const checkId = checkIdOf(id);
    if (round > 0 || !checkId) return { ...measured, outputRecords };
    const fold = outputFolder(checkId);
    await readTopic(o.kafka, output, (rec) => fold.add(rec));
    const expected = o.expected.get(checkId)!;
    const actual = fold.digest();
    return { ...measured, outputRecords, check: { ok: sameDigest(expected, actual), expected, actual } };
  } finally {
    const leftovers = (await admin.list().catch(() => [] as string[])).filter(
      (t) => t === output || t.startsWith(`_kappa-${serviceId}`),
    );
    await admin.delete(leftovers);
    await admin.close();
  }
}

export async function runThroughput(ids: readonly WorkloadId[], o: ThroughputOptions): Promise<RunRow[]> {
  const rows: RunRow[] = [];
  const failed = new Set<WorkloadId>();
  for (let round = 0; round < o.rounds; round++) {
    for (const id of ids) {
      // A workload that failed once is not retried: its error is the result.
      if (failed.has(id)) continue;
      const row = await runOne(id, round, o);
      if (row.error) failed.add(id);
      rows.push(row);
      o.log(describe(row));
    }
  }
  return rows;
}

function describe(r: RunRow): string {
  if (r.error) return `  ${r.id} round ${r.round}: FAILED ${r.error}`;
  const check = r.check
    ? r.check.ok
      ? ' check ok'
      : ` CHECK MISMATCH rows ${r.check.actual.rows}/${r.check.expected.rows}`
    : '';
  return `  ${r.id} round ${r.round}: ${Math.round(r.eventsPerSec ?? 0)} ev/s, ${(r.cpuUsPerEvent ?? 0).toFixed(2)} µs CPU/ev, RSS ${Math.round(r.peakRssMb ?? 0)} MB, ELD p99 ${(r.eventLoopP99Ms ?? 0).toFixed(1)} ms${check}`;
}
