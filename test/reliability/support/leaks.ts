/**
 * What must never reach a client: stack traces, source file locations, module folders and the
 * machine's paths (the repository, the engine's data folder, the temp folder).
 */
import os from 'node:os';
import { repoRoot } from '../../../scripts/lib/paths';

const PATTERNS: readonly RegExp[] = [
  /\bat [\w$.<>[\] ]+ \(/, // "at fn (" — a V8 stack frame
  /\bat (file:\/\/)?\//, // "at /path/file.js:1:2"
  /node_modules/,
  /\.(ts|js|mjs|cjs):\d+(:\d+)?/,
  /file:\/\//,
  /\/(home|root|usr|tmp|var|work)\//,
  /\b(TypeError|ReferenceError|RangeError|SyntaxError): /,
];

/** The first leak found in `text`, with some context, or undefined. */
export function findLeak(text: string, extraSecrets: readonly string[] = []): string | undefined {
  const needles = [repoRoot, os.tmpdir(), ...extraSecrets].filter((n) => n.length > 3);
  for (const n of needles) {
    const at = text.indexOf(n);
    if (at >= 0) return text.slice(Math.max(0, at - 60), at + n.length + 60);
  }
  for (const p of PATTERNS) {
    const m = p.exec(text);
    if (m) return text.slice(Math.max(0, m.index - 60), m.index + m[0].length + 60);
  }
  return undefined;
}
