/**
 * `npm start` / `npm run dev`: brings up the whole stack in one terminal —
 * the embedded Kafka broker (unless KAFKA_BOOTSTRAP_SERVERS is set), the engine (port 8088) and
 * the workbench (port 3000) — and takes all of it down on Ctrl-C. No process outlives this one.
 */
import { spawnSync } from 'node:child_process';
import { MissingPrerequisiteError } from '../lib/prerequisites';
import { canConnect } from '../lib/ports';
import { repoRoot } from '../lib/paths';
import { startBroker, type RunningBroker } from '../kafka/broker';
import { appBuildIsStale } from './app-build';
import { startNodeChild, type Child } from './children';

const dev = process.argv.includes('--dev');
const enginePort = Number(process.env.KAPPA_PORT ?? 8088);
const appPort = Number(process.env.KAPPA_APP_PORT ?? 3000);
const log = (line: string): void => console.log(line);

async function waitForPort(
  port: number,
  what: string,
  exited: Promise<unknown>,
  timeoutMs = 120_000,
): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (gone) throw new Error(`${what} exited during start-up (see its output above).`);
    if (await canConnect(port)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not start listening on port ${port} within ${timeoutMs / 1000} s.`);
}

async function main(): Promise<void> {
  let broker: RunningBroker | undefined;
  const children: Child[] = [];
  let shuttingDown = false;
  const shutdown = async (code: number): Promise<never> => {
    if (!shuttingDown) {
      shuttingDown = true;
      log('Stopping Kappa…');
      for (const child of [...children].reverse()) await child.stop();
      await broker?.stop();
      log('Stopped.');
    }
    process.exit(code);
  };
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));

  try {
    let bootstrap = process.env.KAFKA_BOOTSTRAP_SERVERS;
    if (!bootstrap) {
      broker = await startBroker({ log });
      bootstrap = broker.bootstrapServers;
      void broker.exited.then(
        () => !shuttingDown && (log('The Kafka broker stopped unexpectedly.'), void shutdown(1)),
      );
    } else {
      log(`Using the Kafka cluster at ${bootstrap}`);
    }

    const engine = startNodeChild(
      'engine',
      ['--import', 'tsx', 'server/main.ts'],
      {
        KAFKA_BOOTSTRAP_SERVERS: bootstrap,
        KAPPA_PORT: String(enginePort),
        // The engine refuses browser origins it does not know: the workbench's, on whatever port.
        KAPPA_CORS_ORIGINS:
          process.env.KAPPA_CORS_ORIGINS ?? `http://localhost:${appPort},http://127.0.0.1:${appPort}`,
      },
      log,
    );
    children.push(engine);
    void engine.exited.then(
      (code) => !shuttingDown && (log(`The engine exited (code ${code}).`), void shutdown(1)),
    );
    await waitForPort(enginePort, 'The engine', engine.exited);

    if (!dev && appBuildIsStale()) {
      log('Building the workbench (first start, or sources changed)…');
      const build = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], {
        cwd: repoRoot,
        stdio: 'inherit',
        env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
      });
      if (build.status !== 0) throw new Error('The workbench build failed (see above).');
    }
    const app = startNodeChild(
      'app',
      ['node_modules/next/dist/bin/next', dev ? 'dev' : 'start', '-p', String(appPort)],
      {},
      log,
    );
    children.push(app);
    void app.exited.then(
      (code) => !shuttingDown && (log(`The workbench exited (code ${code}).`), void shutdown(1)),
    );
    await waitForPort(appPort, 'The workbench', app.exited);

    log('');
    log(
      `  Kappa is running.  Workbench: http://localhost:${appPort}   Engine (ksqlDB API): http://localhost:${enginePort}`,
    );
    log(`  Kafka: ${bootstrap}${broker ? ' (embedded broker)' : ''}.  Press Ctrl-C to stop everything.`);
    log('');
  } catch (error) {
    console.error(
      error instanceof MissingPrerequisiteError
        ? error.message
        : error instanceof Error
          ? error.message
          : error,
    );
    await shutdown(1);
  }
}

void main();
