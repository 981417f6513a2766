/**
 * Starts the stack the e2e tests run against and returns its teardown. Ports are free ones, so a
 * developer's running `npm start` does not get in the way. Uses KAFKA_BOOTSTRAP_SERVERS when set
 * (scripts/test-all.ts shares one broker between suites).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startBroker, type RunningBroker } from '../../scripts/kafka/broker';
import { freePort, canConnect } from '../../scripts/lib/ports';
import { repoRoot } from '../../scripts/lib/paths';
import { appBuildIsStale } from '../../scripts/stack/app-build';
import { startNodeChild, type Child } from '../../scripts/stack/children';
import { stackFile, type StackInfo } from './stack-info';

async function waitFor(port: number, what: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (await canConnect(port)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not start on port ${port}`);
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const logs: string[] = [];
  const log = (line: string): void => {
    logs.push(line);
  };
  let broker: RunningBroker | undefined;
  let bootstrap = process.env.KAFKA_BOOTSTRAP_SERVERS;
  if (!bootstrap) {
    broker = await startBroker({ ephemeral: true });
    bootstrap = broker.bootstrapServers;
  }
  const dataDir = fs.mkdtempSync(path.join(repoRoot, '.kappa', 'e2e-'));
  const enginePort = await freePort();
  const appPort = await freePort();
  const children: Child[] = [];
  const engine = startNodeChild(
    'engine',
    ['--import', 'tsx', 'server/main.ts'],
    {
      KAFKA_BOOTSTRAP_SERVERS: bootstrap,
      KAPPA_PORT: String(enginePort),
      KAPPA_DATA_DIR: dataDir,
      KAPPA_SERVICE_ID: `e2e_${Date.now()}_`,
      KAPPA_CORS_ORIGINS: `http://localhost:${appPort},http://127.0.0.1:${appPort}`,
    },
    log,
  );
  children.push(engine);
  if (appBuildIsStale()) {
    const build = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], {
      cwd: repoRoot,
      stdio: 'inherit',
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    });
    if (build.status !== 0) throw new Error('next build failed');
  }
  const app = startNodeChild(
    'app',
    ['node_modules/next/dist/bin/next', 'start', '-p', String(appPort)],
    {},
    log,
  );
  children.push(app);
  await Promise.all([waitFor(enginePort, 'engine'), waitFor(appPort, 'workbench')]);

  const info: StackInfo = {
    appUrl: `http://localhost:${appPort}`,
    engineUrl: `http://localhost:${enginePort}`,
    kafkaBootstrapServers: bootstrap,
  };
  fs.writeFileSync(stackFile, JSON.stringify(info));
  process.env.KAPPA_E2E_STACK = JSON.stringify(info);

  return async () => {
    for (const child of children.reverse()) await child.stop();
    await broker?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.writeFileSync(path.join(repoRoot, 'test-results', 'e2e-stack.log'), logs.join('\n'));
  };
}
