/** The machine a run was measured on (for RESULTS.md). */
import os from 'node:os';
import { kafkaVersion } from '../../scripts/kafka/jars';

export interface MachineInfo {
  readonly cpus: number;
  readonly cpuModel: string;
  readonly memoryGb: number;
  readonly node: string;
  readonly kafka: string;
  readonly kafkajs: string;
  readonly platform: string;
  /** 1-minute load average when the run started: other work on a shared box shows here. */
  readonly loadAverage: number;
}

export async function machineInfo(): Promise<MachineInfo> {
  const kafkajs = (await import('kafkajs/package.json', { with: { type: 'json' } })) as {
    default: { version: string };
  };
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    kafka: kafkaVersion(),
    kafkajs: kafkajs.default.version,
    platform: `${os.type()} ${os.release()}`,
    loadAverage: os.loadavg()[0] ?? 0,
  };
}
