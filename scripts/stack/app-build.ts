import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../lib/paths';

const sourceDirs = ['app', 'components', 'lib', 'public'];
const sourceFiles = ['next.config.ts', 'package.json'];

function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target))
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** True when the production build of the workbench is missing or older than its sources. */
export function appBuildIsStale(): boolean {
  const buildId = path.join(repoRoot, '.next', 'BUILD_ID');
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  const newest = Math.max(
    ...sourceDirs.map((d) => newestMtime(path.join(repoRoot, d))),
    ...sourceFiles.map((f) => newestMtime(path.join(repoRoot, f))),
  );
  return newest > built;
}
