/**
 * Security: secrets never reach the logs or the command topic. The engine runs with passwords and
 * API keys configured and logs at debug level; clients present right and wrong credentials over
 * REST and socket.io and send statements with secret-looking properties. Nothing it printed, and
 * nothing in its command topic, contains a secret (or its base64 form). An engine whose database
 * URL carries a password and cannot be reached does not print that password either.
 */
import { io } from 'socket.io-client';
import { afterAll, expect, inject, it } from 'vitest';
import { uniqueName } from '../../scripts/testing/unique';
import { commandTopicName } from '../../server/kafka/command-topic';
import { startEngine, stopAllEngines } from './support/engine-process';
import { readTopic, testKafka } from './support/kafka-io';
import { report } from './support/report';
import { ksql, post, until } from './support/rest';

const PASSWORD = 'Adm1n-S3cret-pw';
const API_KEY = 'key-Sup3r-Secret-0001';
const WRONG_PRESENTED = 'Wr0ng-Pres3nted-Secret';
const PROPERTY_SECRET = 'Pr0perty-S3cret';
const DB_PASSWORD = 'Db-S3cret-pw';
const b64 = (text: string): string => Buffer.from(text).toString('base64');
const SECRETS = [
  PASSWORD,
  API_KEY,
  WRONG_PRESENTED,
  PROPERTY_SECRET,
  DB_PASSWORD,
  b64(`admin:${PASSWORD}`),
  b64(`admin:${WRONG_PRESENTED}`),
];

afterAll(stopAllEngines);

function secretsIn(lines: readonly string[]): string[] {
  return lines.filter((l) => SECRETS.some((s) => l.includes(s))).map((l) => l.slice(0, 300));
}

function socketWith(url: string, token: string): Promise<void> {
  return new Promise((resolve) => {
    const s = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { token } });
    const done = (): void => {
      s.disconnect();
      resolve();
    };
    s.on('connect', () => s.emit('catalog:get', () => done()));
    s.on('connect_error', done);
  });
}

it('keeps passwords and API keys out of the logs and the command topic', async () => {
  const bootstrap = inject('kafkaBootstrapServers');
  const serviceId = uniqueName('secrets');
  const engine = await startEngine({
    bootstrap,
    serviceId,
    env: {
      KAPPA_AUTH_BASIC: `admin:${PASSWORD}`,
      KAPPA_API_KEYS: API_KEY,
      KAPPA_LOG_LEVEL: 'debug',
      KAPPA_LOG_FORMAT: 'json',
    },
  });
  const kafka = testKafka(bootstrap);
  try {
    await engine.waitReady();
    const good = { authorization: `Basic ${b64(`admin:${PASSWORD}`)}` };
    const source = uniqueName('SE');
    await ksql(
      engine.url,
      `CREATE STREAM ${source} (ID STRING KEY, V INT) WITH (KAFKA_TOPIC='${source.toLowerCase()}', VALUE_FORMAT='JSON', PARTITIONS=1);`,
      {},
      good,
    );
    await ksql(
      engine.url,
      `CREATE STREAM ${source}_C AS SELECT * FROM ${source};`,
      {},
      { 'x-api-key': API_KEY },
    );
    for (const property of ['ssl.truststore.password', 'sasl.jaas.config', 'consumer.ssl.key.password']) {
      await post(
        engine.url,
        '/ksql',
        {
          ksql: `CREATE STREAM ${source}_P AS SELECT * FROM ${source};`,
          streamsProperties: { [property]: PROPERTY_SECRET },
        },
        good,
      );
    }
    await post(
      engine.url,
      '/ksql',
      { ksql: 'SHOW STREAMS;' },
      { authorization: `Basic ${b64(`admin:${WRONG_PRESENTED}`)}` },
    );
    await post(
      engine.url,
      '/ksql',
      { ksql: 'SHOW STREAMS;' },
      { authorization: `Bearer ${WRONG_PRESENTED}` },
    );
    await post(engine.url, '/ksql', { ksql: 'SHOW PROPERTIES;' }, { authorization: `Bearer ${API_KEY}` });
    await socketWith(engine.url, API_KEY);
    await socketWith(engine.url, WRONG_PRESENTED);
    const visible = [
      await (await fetch(`${engine.url}/info`, { headers: good })).text(),
      await (await fetch(`${engine.url}/v1/metadata`, { headers: good })).text(),
      JSON.stringify(await ksql(engine.url, 'SHOW PROPERTIES;', {}, good)),
    ];

    const commands = await readTopic(kafka, commandTopicName(serviceId));
    await until(() => commands.records.length >= 2, 30_000, 'the command topic');
    await commands.close();
    await engine.stop();
    const logged = secretsIn(engine.output);
    const stored = secretsIn(commands.records.map((r) => `${r.key} ${r.value}`));

    // A database URL with a password, unreachable: the failure is reported without it.
    const broken = await startEngine({
      bootstrap,
      serviceId: uniqueName('secretsdb'),
      env: { DATABASE_URL: `postgresql://kappa:${DB_PASSWORD}@127.0.0.1:1/kappa`, KAPPA_LOG_LEVEL: 'debug' },
    });
    await Promise.race([broken.exited, new Promise((r) => setTimeout(r, 15_000))]);
    await broken.stop();
    report('secrets', {
      engineLogLines: engine.output.length,
      commandRecords: commands.records.length,
      databaseFailureLines: broken.output.length,
    });
    expect(engine.output.length).toBeGreaterThan(10); // debug logging did happen
    expect(logged).toEqual([]);
    expect(stored).toEqual([]);
    expect(secretsIn(visible)).toEqual([]);
    expect(secretsIn(broken.output)).toEqual([]);
  } finally {
    await stopAllEngines();
  }
}, 180_000);
