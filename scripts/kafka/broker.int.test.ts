import { spawn } from 'node:child_process';
import { expect, it } from 'vitest';
import { repoRoot } from '../lib/paths';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

it('the broker never outlives its launcher, even when the launcher is SIGKILLed', async () => {
  const launcher = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '-e',
      "import('./scripts/kafka/broker.ts').then((m) => m.startBroker({ ephemeral: true })).then((b) => console.log('BROKER', b.pid)); setInterval(() => {}, 1000);",
    ],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const javaPid = await new Promise<number>((resolve, reject) => {
    let out = '';
    launcher.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /BROKER (\d+)/.exec(out);
      if (match?.[1]) resolve(Number(match[1]));
    });
    launcher.once('exit', () => reject(new Error(`launcher exited early: ${out}`)));
  });
  expect(alive(javaPid)).toBe(true);
  launcher.kill('SIGKILL');
  const deadline = Date.now() + 30_000;
  while (alive(javaPid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  expect(alive(javaPid)).toBe(false);
}, 120_000);
