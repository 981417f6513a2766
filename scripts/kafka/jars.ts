import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { dataDir, repoRoot } from '../lib/paths';
import { requireJava, requireMaven } from '../lib/prerequisites';

const pomPath = path.join(repoRoot, 'scripts', 'kafka', 'pom.xml');

/** The Kafka version pinned in pom.xml (the single place it is written down). */
export function kafkaVersion(): string {
  const match = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(fs.readFileSync(pomPath, 'utf8'));
  if (!match?.[1]) throw new Error(`no <kafka.version> in ${pomPath}`);
  return match[1];
}

/** Folder holding the broker's jars; one per Kafka version so a version change refetches. */
export function jarsDir(): string {
  return path.join(dataDir(), 'kafka', `jars-${kafkaVersion()}`);
}

const completeMarker = '.complete';

/**
 * Makes sure the broker jars are on disk, fetching them from Maven Central with the project's pom
 * the first time. Later calls need no network.
 */
export function ensureJars(log: (line: string) => void = () => {}): string {
  requireJava();
  const dir = jarsDir();
  if (fs.existsSync(path.join(dir, completeMarker))) return dir;
  requireMaven();
  log(`Fetching Apache Kafka ${kafkaVersion()} jars from Maven Central into ${dir} (first run only)…`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const result = spawnSync(
    'mvn',
    ['-q', '-B', '-f', pomPath, 'dependency:copy-dependencies', `-DoutputDirectory=${dir}`],
    { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' },
  );
  if (result.status !== 0) {
    throw new Error(`Maven could not fetch the Kafka jars:\n${result.stdout}${result.stderr}`);
  }
  fs.writeFileSync(path.join(dir, completeMarker), new Date().toISOString());
  return dir;
}
