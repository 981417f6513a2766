import { afterAll, describe, expect, inject, it } from 'vitest';
import { uniqueName } from '../../scripts/testing/unique';
import { commandTopicName, ensureCommandTopic } from '../kafka/command-topic';
import { createKafka } from '../kafka/client';
import { silentLogger } from '../log/logger';
import { buildHistory } from './testing/catalog-history';
import { startTestEngine, type TestEngine } from './testing/kafka-test-engine';

const bootstrap = inject('kafkaBootstrapServers');
const kafka = createKafka({
  bootstrapServers: [bootstrap],
  clientId: 'kappa-replay-time',
  logger: silentLogger,
});
const started: TestEngine[] = [];

afterAll(async () => {
  await Promise.all(started.map((e) => e.stop()));
});

describe('replay time', () => {
  it('rebuilds a catalog made by 10,000 commands and reports how long it took', async () => {
    const { entries, state: expected } = await buildHistory(10_000);
    const serviceId = uniqueName('svc');
    const topic = commandTopicName(serviceId);
    await ensureCommandTopic(kafka, topic, { log: silentLogger });
    // Written in bulk (the write path is not what is measured), keyed and encoded as engines do.
    const producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    for (let i = 0; i < entries.length; i += 1000) {
      await producer.send({
        topic,
        acks: -1,
        messages: entries.slice(i, i + 1000).map((e) => ({
          key: JSON.stringify(e.key),
          value: JSON.stringify(e.record),
          partition: 0,
        })),
      });
    }
    await producer.disconnect();

    const t0 = performance.now();
    const engine = await startTestEngine(bootstrap, serviceId);
    const total = performance.now() - t0;
    started.push(engine);
    const catalog = engine.state.catalog();
    const bytes = entries.reduce((s, e) => s + JSON.stringify(e.record).length, 0);
    console.log(
      `replay of ${entries.length} commands (${(bytes / 1e6).toFixed(1)} MB): ${engine.replay.millis.toFixed(0)} ms ` +
        `reading, decoding, compacting, applying and planning ${catalog.queries().length} queries; ` +
        `${total.toFixed(0)} ms engine start in all; catalog: ${catalog.sources().length} sources, ` +
        `${catalog.queries().length} queries, ${catalog.types().size} types`,
    );
    expect(catalog.sources().length).toBe(expected.catalog().sources().length);
    expect(
      catalog
        .queries()
        .map((q) => q.id)
        .sort(),
    ).toEqual(
      expected
        .catalog()
        .queries()
        .map((q) => q.id)
        .sort(),
    );
    expect(engine.runtime.running.size).toBe(catalog.queries().length);
    expect(engine.health.snapshot().serverStatus).toBe('RUNNING');
    // The time is printed above, not asserted: speed is measured, a shared CI machine is no clock.
    expect(engine.replay.millis).toBeGreaterThan(0);
  }, 180_000);
});
