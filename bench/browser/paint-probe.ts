/**
 * Runs inside the page (added as an init script): counts animation frames and long tasks, and for
 * every grid row that appears, stamps the first animation frame after it was added — the frame
 * that paints it — against the row's RT cell (the record's ROWTIME, epoch ms). Same host, so the
 * page's clock and the producer's agree. Kept as plain JavaScript text: a function passed to
 * Playwright would carry the TypeScript loader's helpers, which the page does not have.
 */
export interface ProbeReport {
  readonly frames: number;
  readonly longTasks: number;
  readonly rows: number;
  readonly latencies: number[];
}

export const PAINT_PROBE_SCRIPT = `(() => {
  let frames = 0, longTasks = 0, rows = 0, latencies = [], pending = [];
  const seen = new WeakSet();
  const onFrame = () => {
    frames++;
    if (pending.length > 0) {
      const now = performance.timeOrigin + performance.now();
      for (const rt of pending) latencies.push(now - rt);
      pending = [];
    }
    requestAnimationFrame(onFrame);
  };
  requestAnimationFrame(onFrame);
  try {
    new PerformanceObserver((list) => { longTasks += list.getEntries().length; }).observe({ type: 'longtask' });
  } catch (e) {}
  new MutationObserver((mutations) => {
    for (const m of mutations) {
      for (const node of m.addedNodes) {
        if (!(node instanceof Element)) continue;
        const rowEls = node.matches('[data-testid="grid-row"]') ? [node] : Array.from(node.querySelectorAll('[data-testid="grid-row"]'));
        for (const row of rowEls) {
          if (seen.has(row)) continue;
          seen.add(row);
          rows++;
          const cell = row.querySelector('[role="gridcell"]');
          const rt = Number(cell ? cell.textContent : NaN);
          if (Number.isFinite(rt) && rt > 1e12) pending.push(rt);
        }
      }
    }
  }).observe(document, { childList: true, subtree: true });
  window.__probe = {
    reset: () => { frames = 0; longTasks = 0; rows = 0; latencies = []; },
    report: () => ({ frames, longTasks, rows, latencies }),
  };
})();`;
