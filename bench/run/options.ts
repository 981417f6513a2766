/** Command-line options of `npm run bench`. */
import type { WorkloadId } from './workloads';

export type Stage = 'throughput' | 'inproc' | 'latency' | 'socket' | 'browser';
export const STAGES: readonly Stage[] = ['throughput', 'inproc', 'latency', 'socket', 'browser'];

export interface BenchOptions {
  readonly quick: boolean;
  /** Nexmark events pre-loaded (all three kinds). */
  readonly events: number;
  readonly partitions: number;
  /** Interleaved repetitions of each throughput workload (median reported). */
  readonly rounds: number;
  /** Synthetic event-time rate of the generator, events per event-second. */
  readonly eventRate: number;
  readonly seed: number;
  readonly only?: readonly WorkloadId[];
  readonly stages: readonly Stage[];
  /** Write V8 CPU profiles of the first round's children to bench/out/profiles. */
  readonly profile: boolean;
  /** Seconds of open-loop load per latency point. */
  readonly latencySeconds: number;
}

const USAGE = `npm run bench -- [--quick] [--events N] [--partitions 1-4] [--rounds N] [--event-rate N]
  [--seed N] [--only q1,b3,…] [--stages throughput,inproc,latency,socket,browser] [--profile]
  [--latency-seconds N]`;

export function parseOptions(argv: readonly string[]): BenchOptions {
  const quick = argv.includes('--quick');
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const num = (name: string, fallback: number): number => {
    const v = value(name);
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} needs a positive number\n${USAGE}`);
    return n;
  };
  const known = new Set([
    '--quick',
    '--events',
    '--partitions',
    '--rounds',
    '--event-rate',
    '--seed',
    '--only',
    '--stages',
    '--profile',
    '--latency-seconds',
  ]);
  for (const a of argv)
    if (a.startsWith('--') && !known.has(a)) throw new Error(`unknown option ${a}\n${USAGE}`);
  const stages = (value('--stages')?.split(',') ?? STAGES) as Stage[];
  for (const s of stages) if (!STAGES.includes(s)) throw new Error(`unknown stage ${s}\n${USAGE}`);
  const partitions = num('--partitions', 2);
  if (partitions > 4) throw new Error(`--partitions is 1–4\n${USAGE}`);
  const only = value('--only')?.split(',') as WorkloadId[] | undefined;
  return {
    quick,
    events: num('--events', quick ? 30_000 : 250_000),
    partitions,
    rounds: num('--rounds', quick ? 1 : 3),
    eventRate: num('--event-rate', 10_000),
    seed: num('--seed', 42),
    ...(only ? { only } : {}),
    stages,
    profile: argv.includes('--profile'),
    latencySeconds: num('--latency-seconds', quick ? 3 : 10),
  };
}
