export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Polls `check` until it holds (tests of asynchronous streaming); `refresh`, when given, runs
 * before each check (e.g. a request whose answer is checked).
 */
export async function waitFor(
  check: () => boolean,
  timeoutMs = 3000,
  refresh?: () => Promise<void>,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await refresh?.();
    if (check()) return;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await sleep(refresh ? 200 : 5);
  }
}
