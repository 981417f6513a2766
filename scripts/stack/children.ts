import { spawn, type ChildProcess } from 'node:child_process';
import { repoRoot } from '../lib/paths';

export interface Child {
  readonly name: string;
  readonly process: ChildProcess;
  readonly exited: Promise<number | null>;
  stop(): Promise<void>;
}

/**
 * Starts a Node program of ours with the exit-with-parent preload, in its own process group so
 * that stopping it also stops anything it started (Next's workers).
 */
export function startNodeChild(
  name: string,
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  onOutput: (line: string) => void,
): Child {
  const child = spawn(process.execPath, ['--import', './scripts/stack/exit-with-parent.js', ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env, KAPPA_EXIT_WITH_PARENT: '1', NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  const forward = (chunk: Buffer): void => {
    for (const line of chunk.toString().split('\n')) if (line.trim()) onOutput(`[${name}] ${line}`);
  };
  child.stdout?.on('data', forward);
  child.stderr?.on('data', forward);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
      signalGroup(child.pid, 'SIGTERM');
      const killer = setTimeout(() => child.pid !== undefined && signalGroup(child.pid, 'SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
      signalGroup(child.pid, 'SIGKILL'); // anything left in the group
    })();
    return stopping;
  };
  return { name, process: child, exited, stop };
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}
