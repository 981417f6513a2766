/**
 * `npm run kafka:fetch|start|stop` — manage the embedded broker by hand.
 * `start` runs in the foreground until Ctrl-C (the broker never outlives this process).
 */
import fs from 'node:fs';
import path from 'node:path';
import { dataDir } from '../lib/paths';
import { MissingPrerequisiteError } from '../lib/prerequisites';
import { startBroker } from './broker';
import { ensureJars } from './jars';

const pidFile = path.join(dataDir(), 'kafka', 'broker.pid');

async function main(command: string | undefined): Promise<void> {
  switch (command) {
    case 'fetch':
      console.log(`Kafka jars in ${ensureJars(console.log)}`);
      return;
    case 'start': {
      const broker = await startBroker({ log: console.log });
      fs.writeFileSync(pidFile, String(process.pid));
      console.log(`KAFKA_BOOTSTRAP_SERVERS=${broker.bootstrapServers}  (Ctrl-C stops it)`);
      const shutdown = (): void => {
        void broker.stop().then(() => {
          fs.rmSync(pidFile, { force: true });
          process.exit(0);
        });
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
      await broker.exited;
      fs.rmSync(pidFile, { force: true });
      return;
    }
    case 'stop': {
      if (!fs.existsSync(pidFile)) {
        console.log('No embedded broker is running (started with `npm run kafka:start`).');
        return;
      }
      const pid = Number(fs.readFileSync(pidFile, 'utf8'));
      try {
        process.kill(pid, 'SIGTERM');
        console.log(`Asked the broker launcher (pid ${pid}) to stop.`);
      } catch {
        console.log('The broker launcher was not running any more.');
      }
      fs.rmSync(pidFile, { force: true });
      return;
    }
    default:
      console.error('usage: kafka/cli.ts fetch|start|stop');
      process.exitCode = 2;
  }
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error instanceof MissingPrerequisiteError ? error.message : error);
  process.exit(1);
});
