/**
 * Event-to-paint latency and frame rate in Chromium (Playwright, Debian's chromium): the
 * workbench's watch page (/watch/<runId>, served by `next dev`) shows a shared run that a Node
 * viewer started; an open-loop producer feeds it at 1k and 10k rows/s.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import type { Kafka } from 'kafkajs';
import { chromium } from '@playwright/test';
import { freePort } from '../../scripts/lib/ports';
import { CHROMIUM_ARGS, chromiumExecutable } from '../../scripts/testing/chromium';
import { PAINT_PROBE_SCRIPT, type ProbeReport } from '../browser/paint-probe';
import { openLoop } from '../latency/open-loop';
import { BenchAdmin } from '../kafka/topics';
import type { BrowserResult, BrowserRow } from '../report/results';
import { Viewer } from '../socket/viewer';
import { summarize } from '../stats/stats';
import { ChildJob } from './child';

export interface BrowserOptions {
  readonly kafka: Kafka;
  readonly bootstrapServers: string;
  readonly partitions: number;
  readonly seconds: number;
  readonly log: (line: string) => void;
}

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

export async function runBrowser(o: BrowserOptions): Promise<BrowserResult> {
  const executablePath = chromiumExecutable();
  if (!fs.existsSync(executablePath)) {
    const reason = `no Chromium at ${executablePath} (apt-get install chromium, or set KAPPA_CHROMIUM_PATH)`;
    o.log(`  not measured: ${reason}`);
    return { measured: false, reason };
  }
  const tag = Date.now().toString(36);
  const topic = `bench_browser_${tag}`;
  const admin = new BenchAdmin(o.kafka);
  await admin.create([topic], o.partitions);
  const appPort = await freePort();
  const origin = `http://127.0.0.1:${appPort}`;
  const stack = new ChildJob(
    {
      kind: 'stack',
      bootstrapServers: o.bootstrapServers,
      serviceId: `bench_browser_${tag}`,
      setup: `CREATE STREAM browser_bid (auction BIGINT, bidder BIGINT, price BIGINT) WITH (kafka_topic='${topic}', format='JSON');`,
      corsOrigins: [origin],
    },
    {},
  );
  // The dev server in its own process group, so stopping it stops its workers too.
  const next = spawn(
    process.execPath,
    [
      '--import',
      './scripts/stack/exit-with-parent.js',
      'node_modules/next/dist/bin/next',
      'dev',
      '-p',
      String(appPort),
      '-H',
      '127.0.0.1',
    ],
    {
      // stdin a pipe: the server exits when this harness dies, however it dies.
      stdio: ['pipe', 'ignore', 'ignore'],
      detached: true,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', KAPPA_EXIT_WITH_PARENT: '1' },
    },
  );
  // Launched before the try below, so a browser that fails to start must not leave the stack and
  // the dev server behind: both are stopped here too.
  const browser = await chromium
    .launch({
      executablePath,
      args: [...CHROMIUM_ARGS],
    })
    .catch(async (error: unknown) => {
      stopDevServer(next.pid);
      await stack.stop();
      await admin.delete([topic]);
      await admin.close();
      throw error;
    });
  let viewer: Viewer | undefined;
  try {
    const ready = await stack.waitFor('ready', 90_000);
    const engineUrl = `http://127.0.0.1:${ready.port}`;
    const runId = `bench-browser-${tag}`;
    await waitForHttp(`${origin}/watch/${runId}`, 180_000);
    viewer = new Viewer(engineUrl);
    await viewer.connected();
    await viewer.run(
      runId,
      'SELECT CAST(ROWTIME AS STRING) AS rt, auction, bidder, price FROM browser_bid EMIT CHANGES;',
      {
        'auto.offset.reset': 'latest',
      },
    );
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.addInitScript(([url]) => window.localStorage.setItem('kappa.engineUrl', url!), [engineUrl]);
    await context.addInitScript({ content: PAINT_PROBE_SCRIPT });
    const page = await context.newPage();
    await page.goto(`${origin}/watch/${runId}`, { timeout: 180_000 });
    await openLoop(o.kafka, topic, o.partitions, 200, 3); // warm-up: rows reach the grid
    await page.waitForSelector('[data-testid="grid-row"]', { timeout: 60_000 });
    const rows: BrowserRow[] = [];
    for (const rate of [1000, 10_000]) {
      await page.evaluate(() => (window as unknown as { __probe: { reset(): void } }).__probe.reset());
      const started = Date.now();
      await openLoop(o.kafka, topic, o.partitions, rate, o.seconds);
      await new Promise((r) => setTimeout(r, 1000));
      const seconds = (Date.now() - started) / 1000;
      const report = await page.evaluate(() =>
        (window as unknown as { __probe: { report(): ProbeReport } }).__probe.report(),
      );
      rows.push({
        offeredRowsPerSec: rate,
        rowsPerSec: report.rows / seconds,
        fps: report.frames / seconds,
        longTasks: report.longTasks,
        eventToPaintMs: summarize(report.latencies),
      });
      const r = rows.at(-1)!;
      o.log(
        `  ${rate} rows/s: ${Math.round(r.rowsPerSec)} rows/s painted, ${r.fps.toFixed(1)} fps, ${r.longTasks} long tasks, event→paint p50 ${r.eventToPaintMs.p50.toFixed(0)} p99 ${r.eventToPaintMs.p99.toFixed(0)} ms`,
      );
    }
    return { measured: true, rows };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    o.log(`  not measured: ${reason}`);
    return { measured: false, reason };
  } finally {
    viewer?.close();
    await browser.close().catch(() => undefined);
    stopDevServer(next.pid);
    await stack.stop();
    await admin.delete([topic]);
    await admin.close();
  }
}

function stopDevServer(pid: number | undefined): void {
  try {
    if (pid) process.kill(-pid, 'SIGTERM');
  } catch {
    // already gone
  }
}
