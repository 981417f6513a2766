import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, whatever the current directory. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Kappa's local state (broker data, jars, SQLite file); git-ignored. */
export function dataDir(): string {
  return path.resolve(process.env.KAPPA_DATA_DIR ?? path.join(repoRoot, '.kappa'));
}
