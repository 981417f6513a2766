import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** The CLI's version: the project's package.json (the CLI ships with the engine). */
export function cliVersion(): string {
  try {
    const text = readFileSync(new URL('../package.json', import.meta.url), 'utf8');
    return z.object({ version: z.string() }).parse(JSON.parse(text)).version;
  } catch {
    return 'unknown';
  }
}
