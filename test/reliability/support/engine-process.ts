/**
 * A real engine process (`node --import tsx server/main.ts`) for the reliability suite: the only
 * way to test SIGKILL, restarts and what the process prints. The probe preload (engine-probe.js)
 * reports RSS and event-loop delay from the inside. Every process is registered so that a test's
 * `finally` (or afterAll) can stop them all, failed tests included.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../../scripts/lib/ports';
import { startNodeChild, type Child } from '../../../scripts/stack/children';

export interface ProbeSample {
  readonly at: number;
  readonly rssBytes: number;
  readonly heapUsedBytes: number;
  /** Event-loop delay of the last interval, ms. */
  readonly loop: { readonly p50: number; readonly p99: number; readonly max: number };
  /** Event-loop delay since the last `markPhase()`, ms. */
  readonly phase: { readonly p99: number; readonly max: number; readonly count: number };
}

export interface EngineOptions {
  readonly bootstrap: string;
  readonly serviceId: string;
  /** Reuse a data folder (a restarted engine); by default a fresh temporary one. */
  readonly dataDir?: string;
  readonly port?: number;
  readonly env?: Readonly<Record<string, string>>;
  readonly probeIntervalMs?: number;
  readonly name?: string;
}

export interface EngineProcess {
  readonly name: string;
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  readonly dataDir: string;
  readonly startedAt: number;
  /** Everything the process printed (stdout and stderr), probe lines excepted. */
  readonly output: string[];
  readonly samples: ProbeSample[];
  readonly exited: Promise<number | null>;
  /** Resolves with the milliseconds from spawn to /chc/ready answering 200. */
  waitReady(timeoutMs?: number): Promise<number>;
  /** Restarts the phase histogram of the event-loop delay (SIGUSR2 to the probe). */
  markPhase(): void;
  /** SIGKILL to the whole process group: no shutdown hook runs. The data folder stays for a restart. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

const running = new Set<EngineProcess>();

/** Stops every engine process this test file started and has not stopped (for afterAll/finally). */
export async function stopAllEngines(): Promise<void> {
  await Promise.all([...running].map((e) => e.stop()));
}

export async function startEngine(options: EngineOptions): Promise<EngineProcess> {
  const port = options.port ?? (await freePort());
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'kappa-rel-'));
  const ownsDataDir = options.dataDir === undefined;
  const name = options.name ?? `engine:${port}`;
  const output: string[] = [];
  const samples: ProbeSample[] = [];
  const startedAt = Date.now();
  const child: Child = startNodeChild(
    name,
    ['--import', './test/reliability/support/engine-probe.js', '--import', 'tsx', 'server/main.ts'],
    {
      KAFKA_BOOTSTRAP_SERVERS: options.bootstrap,
      KAPPA_PORT: String(port),
      KAPPA_HOST: '127.0.0.1',
      KAPPA_DATA_DIR: dataDir,
      KAPPA_SERVICE_ID: options.serviceId,
      KAPPA_HEALTH_INTERVAL_MS: '1000',
      KAPPA_PROBE_INTERVAL_MS: String(options.probeIntervalMs ?? 1000),
      DATABASE_URL: undefined,
      ...options.env,
    },
    (line) => {
      const probe = /KAPPA_PROBE (\{.*\})/.exec(line);
      if (probe?.[1]) samples.push(JSON.parse(probe[1]) as ProbeSample);
      else output.push(line);
    },
  );
  const pid = child.process.pid ?? -1;
  const url = `http://127.0.0.1:${port}`;
  let gone = false;
  void child.exited.then(() => (gone = true));
  child.process.once('exit', (code, signal) => output.push(`[${name}] exited with ${code ?? signal}`));
  const engine: EngineProcess = {
    name,
    url,
    port,
    pid,
    dataDir,
    startedAt,
    output,
    samples,
    exited: child.exited,
    async waitReady(timeoutMs = 90_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (gone) {
          await new Promise((r) => setTimeout(r, 300)); // its last output may still be in the pipe
          throw new Error(`${name} exited during start-up:\n${output.slice(-30).join('\n')}`);
        }
        const status = await fetch(`${url}/chc/ready`, { signal: AbortSignal.timeout(2000) })
          .then((r) => r.status)
          .catch(() => 0);
        if (status === 200) return Date.now() - startedAt;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`${name} not ready within ${timeoutMs} ms:\n${output.slice(-30).join('\n')}`);
    },
    markPhase() {
      if (!gone) process.kill(pid, 'SIGUSR2');
    },
    async kill() {
      if (!gone) process.kill(-pid, 'SIGKILL');
      await child.exited; // still registered: stop() removes its data folder later
    },
    async stop() {
      await child.stop();
      running.delete(engine);
      if (ownsDataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  running.add(engine);
  return engine;
}

/** Resident set size of a sample in MiB, rounded, for reports. */
export function rssMiB(sample: ProbeSample): number {
  return Math.round(sample.rssBytes / (1024 * 1024));
}
