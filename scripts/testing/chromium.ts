/**
 * How Kappa's browser tests and browser benchmark start Chromium: Debian's (Playwright cannot
 * download browsers here), headless in a container (no sandbox, no GPU), and kept off the network
 * (no QUIC, background fetches, component updates or sync).
 */
export const chromiumExecutable = (): string => process.env.KAPPA_CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
