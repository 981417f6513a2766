import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { dataDir, repoRoot } from '../lib/paths';
import { canConnect, freePort, isPortFree } from '../lib/ports';
import { brokerProperties, type BrokerPorts } from './config';
import { ensureJars } from './jars';

export interface StartBrokerOptions {
  /** Folder for this broker's log dirs and properties; created if missing. */
  readonly dir?: string;
  /** Fixed ports; by default 9092/9093 for a persistent broker and free ports for an ephemeral one. */
  readonly ports?: BrokerPorts;
  /** Delete the folder when the broker stops (test runs). */
  readonly ephemeral?: boolean;
  readonly log?: (line: string) => void;
  readonly heapMb?: number;
}

export interface RunningBroker {
  readonly bootstrapServers: string;
  readonly pid: number;
  readonly logFile: string;
  /** Resolves when the java process has exited. */
  readonly exited: Promise<number | null>;
  stop(): Promise<void>;
}

const readyTimeoutMs = 90_000;

export async function startBroker(options: StartBrokerOptions = {}): Promise<RunningBroker> {
  const log = options.log ?? (() => {});
  const jars = ensureJars(log);
  const ephemeral = options.ephemeral ?? false;
  if (ephemeral) removeAbandonedTestDirs();
  const dir =
    options.dir ??
    (ephemeral
      ? path.join(dataDir(), 'kafka', `test-${process.pid}-${randomBytes(3).toString('hex')}`)
      : path.join(dataDir(), 'kafka', 'broker'));
  const ports =
    options.ports ??
    (ephemeral
      ? { broker: await freePort(), controller: await freePort() }
      : { broker: 9092, controller: 9093 });
  for (const port of [ports.broker, ports.controller]) {
    if (!(await isPortFree(port))) {
      throw new Error(
        `Port ${port} on 127.0.0.1 is already in use. If a Kafka broker is running there, set KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:${ports.broker} to use it; otherwise stop what holds the port.`,
      );
    }
  }
  const logDirs = path.join(dir, 'data');
  fs.mkdirSync(logDirs, { recursive: true });
  const propertiesFile = path.join(dir, 'server.properties');
  fs.writeFileSync(propertiesFile, brokerProperties(ports, logDirs));
  const classpath = `${jars}/*`;
  formatStorageOnce(classpath, propertiesFile, logDirs);

  const logFile = path.join(dir, 'broker.log');
  const out = fs.openSync(logFile, 'a');
  const heap = options.heapMb ?? 768;
  const child = spawn(
    'java',
    [
      `-Xmx${heap}m`,
      '-XX:+UseG1GC',
      '-XX:TieredStopAtLevel=1',
      '-Djava.awt.headless=true',
      '-Dorg.slf4j.simpleLogger.defaultLogLevel=warn',
      '-Dorg.slf4j.simpleLogger.log.kafka.server.KafkaRaftServer=info',
      '-Dorg.slf4j.simpleLogger.showDateTime=true',
      '-cp',
      classpath,
      path.join(repoRoot, 'scripts', 'kafka', 'KappaBroker.java'),
      propertiesFile,
    ],
    // stdin stays a pipe: KappaBroker exits when it closes, i.e. when this process dies. Its own
    // process group keeps a terminal's Ctrl-C from stopping it before the engine has shut down
    // (the launcher stops it last, with SIGTERM).
    { stdio: ['pipe', out, out], detached: true },
  );
  fs.closeSync(out);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const broker = makeHandle(child, `127.0.0.1:${ports.broker}`, logFile, exited, ephemeral ? dir : undefined);
  log(`Starting Kafka broker on 127.0.0.1:${ports.broker} (logs: ${logFile})…`);
  try {
    await waitUntilReady(ports.broker, exited, logFile);
  } catch (error) {
    await broker.stop();
    throw error;
  }
  log(`Kafka broker ready on 127.0.0.1:${ports.broker}`);
  return broker;
}

/** Ephemeral brokers whose launcher was killed before it could clean up leave their folder behind. */
function removeAbandonedTestDirs(): void {
  const root = path.join(dataDir(), 'kafka');
  if (!fs.existsSync(root)) return;
  for (const entry of fs.readdirSync(root)) {
    const pid = /^test-(\d+)-/.exec(entry)?.[1];
    if (pid === undefined || processAlive(Number(pid))) continue;
    fs.rmSync(path.join(root, entry), { recursive: true, force: true });
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function formatStorageOnce(classpath: string, propertiesFile: string, logDirs: string): void {
  if (fs.existsSync(path.join(logDirs, 'meta.properties'))) return;
  // Kafka's ids are base64url (16 bytes), which may begin with '-': kafka-storage's argument
  // parser would take such an id for an option, so its first character is forced to a letter.
  const clusterId = `K${randomBytes(16).toString('base64url').slice(1)}`;
  const args = ['-cp', classpath, 'kafka.tools.StorageTool', 'format', '--ignore-formatted'];
  // A JVM can fail to start on a loaded machine; the format is idempotent, so try again.
  let failure = '';
  for (let attempt = 1; attempt <= 3; attempt++) {
    const result = spawnSync('java', [...args, '-t', clusterId, '-c', propertiesFile], { encoding: 'utf8' });
    if (result.status === 0) return;
    failure = `exit ${result.status ?? result.signal}: ${result.stdout}${result.stderr}`;
  }
  throw new Error(`Could not format the Kafka storage in ${logDirs}:\n${failure}`);
}

async function waitUntilReady(port: number, exited: Promise<number | null>, logFile: string): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + readyTimeoutMs;
  while (Date.now() < deadline) {
    if (gone) throw new Error(`The Kafka broker exited during start-up. Last log lines:\n${tail(logFile)}`);
    if (logSaysStarted(logFile) && (await canConnect(port))) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(
    `The Kafka broker did not become ready within ${readyTimeoutMs / 1000} s. Last log lines:\n${tail(logFile)}`,
  );
}

function logSaysStarted(logFile: string): boolean {
  try {
    return /Kafka Server started|KafkaRaftServer.*started/.test(fs.readFileSync(logFile, 'utf8'));
  } catch {
    return false;
  }
}

function tail(file: string, lines = 30): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

function makeHandle(
  child: ChildProcess,
  bootstrapServers: string,
  logFile: string,
  exited: Promise<number | null>,
  removeDirOnStop: string | undefined,
): RunningBroker {
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        await exited;
        clearTimeout(killer);
      }
      if (removeDirOnStop) fs.rmSync(removeDirOnStop, { recursive: true, force: true });
    })();
    return stopping;
  };
  return { bootstrapServers, pid: child.pid ?? -1, logFile, exited, stop };
}
