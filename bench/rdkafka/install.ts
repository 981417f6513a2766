/**
 * `npm run bench:rdkafka`: builds @confluentinc/kafka-javascript into .kappa/bench-clients for the
 * rdkafka baselines. Offline here it must build its bundled librdkafka against the system's
 * OpenSSL and zlib (CKJS_LINKING=dynamic; needs a C compiler, make and python3), ≈ 1 minute.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { RDKAFKA_PACKAGE, RDKAFKA_VERSION, clientsDir, rdkafkaInstalled } from './client';

if (rdkafkaInstalled()) {
  console.log(`${RDKAFKA_PACKAGE} is already installed in ${clientsDir}`);
  process.exit(0);
}
fs.mkdirSync(clientsDir, { recursive: true });
fs.writeFileSync(
  path.join(clientsDir, 'package.json'),
  `${JSON.stringify(
    { name: 'kappa-bench-clients', private: true, allowScripts: { [RDKAFKA_PACKAGE]: true } },
    null,
    2,
  )}\n`,
);
console.log(`Building ${RDKAFKA_PACKAGE}@${RDKAFKA_VERSION} (librdkafka) into ${clientsDir}…`);
const result = spawnSync(
  'npm',
  ['install', '--no-audit', '--no-fund', '--foreground-scripts', `${RDKAFKA_PACKAGE}@${RDKAFKA_VERSION}`],
  { cwd: clientsDir, stdio: 'inherit', env: { ...process.env, CKJS_LINKING: 'dynamic' } },
);
if (result.status !== 0) {
  console.error(`The build failed; the rdkafka baselines will be skipped. Install gcc, make and python3.`);
  process.exit(1);
}
