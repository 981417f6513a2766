// Preloaded (`node --import`) into engine processes started by the reliability suite, never by the
// product. It measures the engine from the inside without adding a route to it: every
// KAPPA_PROBE_INTERVAL_MS it prints one line `KAPPA_PROBE {json}` on stdout with the resident set
// size, the heap, and the event-loop delay of the interval (p50/p99/max, ms) and of the whole run
// since the last SIGUSR2 (the suite sends it when a measured phase starts). Node's histogram holds
// the time between ticks of a `resolution` ms timer, so the delay is that minus the resolution.
import { monitorEventLoopDelay } from 'node:perf_hooks';

const intervalMs = Number(process.env.KAPPA_PROBE_INTERVAL_MS ?? '0');
if (intervalMs > 0) {
  const resolution = 5;
  const interval = monitorEventLoopDelay({ resolution });
  const phase = monitorEventLoopDelay({ resolution });
  interval.enable();
  phase.enable();
  const ms = (ns) => Math.max(0, Math.round((ns / 1e6 - resolution) * 100) / 100);
  process.on('SIGUSR2', () => phase.reset());
  const timer = setInterval(() => {
    const memory = process.memoryUsage();
    const sample = {
      at: Date.now(),
      rssBytes: memory.rss,
      heapUsedBytes: memory.heapUsed,
      loop: { p50: ms(interval.percentile(50)), p99: ms(interval.percentile(99)), max: ms(interval.max) },
      phase: { p99: ms(phase.percentile(99)), max: ms(phase.max), count: phase.count },
    };
    interval.reset();
    process.stdout.write(`KAPPA_PROBE ${JSON.stringify(sample)}\n`);
  }, intervalMs);
  timer.unref();
}
