/**
 * Runs inside the page (added as an init script): counts animation frames and long tasks, and for
 * every grid row that appears, stamps the first animation frame after it was added — the frame
 * that paints it — against the row's RT cell (the record's ROWTIME, epoch ms). Same host, so the
 * page's clock and the producer's agree.
 */
export interface ProbeReport {
  readonly frames: number;
  readonly longTasks: number;
  readonly rows: number;
  readonly latencies: number[];
}

export function installPaintProbe(): void {
  const w = window as unknown as { __probe: { reset(): void; report(): ProbeReport } };
  let frames = 0;
  let longTasks = 0;
  let rows = 0;
  let latencies: number[] = [];
  let pending: number[] = [];
  const seen = new WeakSet<Element>();
  const onFrame = (): void => {
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
    new PerformanceObserver((list) => void (longTasks += list.getEntries().length)).observe({
      type: 'longtask',
    });
  } catch {
    // longtask entries are a Chromium feature; elsewhere the count stays 0.
  }
  new MutationObserver((mutations) => {
    for (const m of mutations) {
      for (const node of m.addedNodes) {
        if (!(node instanceof Element)) continue;
        const rowEls = node.matches('[data-testid="grid-row"]')
          ? [node]
          : Array.from(node.querySelectorAll('[data-testid="grid-row"]'));
        for (const row of rowEls) {
          if (seen.has(row)) continue;
          seen.add(row);
          rows++;
          const rt = Number(row.querySelector('[role="gridcell"]')?.textContent);
          if (Number.isFinite(rt) && rt > 1e12) pending.push(rt);
        }
      }
    }
  }).observe(document, { childList: true, subtree: true });
  w.__probe = {
    reset: () => {
      frames = 0;
      longTasks = 0;
      rows = 0;
      latencies = [];
    },
    report: () => ({ frames, longTasks, rows, latencies }),
  };
}
