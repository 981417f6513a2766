/**
 * Entry point of a measured child process: runs one job (worker/jobs.ts), reports to the parent
 * over IPC, and exits when told to stop or when the parent goes away (so no process outlives a run).
 */
import { baselineHandler } from '../baselines/baselines';
import { runConsumeLoop } from '../baselines/consume-loop';
import { benchKafka } from '../kafka/connect';
import { rdkafkaHandler, runRdkafkaLoop } from '../rdkafka/baselines';
import { runEngineJob } from './engine-job';
import { runInProcessJob } from './inproc-job';
import { runStackJob } from './stack-job';
import { parseJob } from './jobs';
import { send } from './meter';
import type { ParentMessage } from './protocol';

let cleanup: () => Promise<void> = async () => {};
let report: () => void = () => {};

async function stop(code: number): Promise<void> {
  const deadline = setTimeout(() => process.exit(code), 5000);
  deadline.unref();
  await cleanup().catch(() => undefined);
  process.exit(code);
}

process.on('disconnect', () => void stop(0));
process.on('message', (m: ParentMessage) => {
  if (m.type === 'stop') void stop(0);
  if (m.type === 'report') report();
});

async function main(): Promise<void> {
  const job = parseJob(process.argv[2]);
  switch (job.kind) {
    case 'baseline': {
      if (job.baseline === 'b1-rdkafka' || job.baseline === 'b3-rdkafka') {
        const groupId = `bench-${job.baseline}-${process.pid}-${Date.now()}`;
        cleanup = await runRdkafkaLoop(job, groupId, rdkafkaHandler(job.baseline, job));
        return;
      }
      const kafka = benchKafka(job.bootstrapServers, `bench-${job.baseline}`);
      cleanup = await runConsumeLoop(
        kafka,
        job,
        `bench-${job.baseline}-${process.pid}-${Date.now()}`,
        baselineHandler(job.baseline, job),
      );
      return;
    }
    case 'engine': {
      const running = await runEngineJob(job);
      cleanup = running.stop;
      report = running.report;
      return;
    }
    case 'stack': {
      const running = await runStackJob(job);
      cleanup = running.stop;
      report = running.report;
      return;
    }
    case 'inproc':
      runInProcessJob(job);
      return;
  }
}

main().catch((error: unknown) => {
  send({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  void stop(1);
});
