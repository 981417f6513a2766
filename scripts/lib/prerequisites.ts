import { spawnSync } from 'node:child_process';

/** Thrown when a tool the user must install is missing; the message is one line saying what to do. */
export class MissingPrerequisiteError extends Error {
  override readonly name = 'MissingPrerequisiteError';
}

function runs(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, { stdio: 'ignore' });
  return result.error === undefined && result.status === 0;
}

export function requireJava(): void {
  if (!runs('java', ['-version'])) {
    throw new MissingPrerequisiteError(
      'Java 17+ is needed for the embedded Kafka broker: install a JDK (e.g. `apt-get install openjdk-17-jdk-headless`), or set KAFKA_BOOTSTRAP_SERVERS to use an existing cluster.',
    );
  }
}

export function requireMaven(): void {
  if (!runs('mvn', ['-v'])) {
    throw new MissingPrerequisiteError(
      'Maven is needed once to download the embedded Kafka broker: install it (e.g. `apt-get install maven`), or set KAFKA_BOOTSTRAP_SERVERS to use an existing cluster.',
    );
  }
}
