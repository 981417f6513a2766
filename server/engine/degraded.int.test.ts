import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import { uniqueName } from '../../scripts/testing/unique';
import { commandTopicName } from '../kafka/command-topic';
import { createKafka } from '../kafka/client';
import { silentLogger } from '../log/logger';
import { skipCommands } from './catalog-repair';
import { eventually, startTestEngine, type TestEngine } from './testing/kafka-test-engine';

const bootstrap = inject('kafkaBootstrapServers');
const kafka = createKafka({
  bootstrapServers: [bootstrap],
  clientId: 'kappa-degraded-test',
  logger: silentLogger,
});
const producer = kafka.producer();
const engines: TestEngine[] = [];

async function engine(serviceId: string): Promise<TestEngine> {
  const e = await startTestEngine(bootstrap, serviceId);
  engines.push(e);
  return e;
}

/** Writes a record behind the engines' back, as a broken tool or a newer engine would. */
async function writeRaw(serviceId: string, key: string, value: string): Promise<number> {
  await producer.connect();
  const [md] = await producer.send({
    topic: commandTopicName(serviceId),
    messages: [{ key, value, partition: 0 }],
  });
  return Number(md!.baseOffset);
}

afterEach(async () => {
  await Promise.all(engines.splice(0).map((e) => e.stop()));
});
afterAll(async () => {
  await producer.disconnect();
});

describe('a command topic with a record the engine cannot use', () => {
  it('goes DEGRADED on a corrupt record, keeps serving the catalog, refuses DDL, and recovers by a skip', async () => {
    const serviceId = uniqueName('svc');
    const p = uniqueName('d');
    const a = await engine(serviceId);
    await a.engine.execute(
      `CREATE STREAM ${p}_S (id INT KEY, v STRING) WITH (KAFKA_TOPIC='${p}_s', FORMAT='JSON', PARTITIONS=1);`,
    );
    const bad = await writeRaw(serviceId, '"stream/`X`/create"', '{"this is": not json');
    await eventually(() => a.health.snapshot().serverStatus === 'DEGRADED', 3000, 'DEGRADED');
    const snapshot = a.health.snapshot();
    expect(snapshot.degradedReason).toMatch(new RegExp(`offset ${bad} could not be read \\(CORRUPTED\\)`));

    // The rest keeps working: introspection, the existing catalog.
    const [streams] = await a.engine.execute('SHOW STREAMS;');
    expect(JSON.stringify(streams)).toContain(`${p}_S`);
    await expect(a.engine.execute(`CREATE STREAM ${p}_T AS SELECT * FROM ${p}_S;`)).rejects.toThrow(
      /detected corruption in the command topic[\s\S]*repair\.ts skip/,
    );

    // A new engine replays past it: no crash, same catalog, same DEGRADED state.
    const b = await engine(serviceId);
    expect(b.health.snapshot().serverStatus).toBe('DEGRADED');
    expect(b.state.catalog().source(`${p}_S`)).toBeDefined();

    // Repair: skip the offset; every engine returns to RUNNING and DDL works again.
    await skipCommands(a.commands, a.state, [bad], 'test garbage');
    await eventually(
      () => a.health.snapshot().serverStatus === 'RUNNING' && b.health.snapshot().serverStatus === 'RUNNING',
      3000,
      'RUNNING again',
    );
    await b.engine.execute(`CREATE STREAM ${p}_T AS SELECT * FROM ${p}_S;`);
    const c = await engine(serviceId);
    expect(c.health.snapshot().serverStatus).toBe('RUNNING');
    expect(c.state.catalog().source(`${p}_T`)).toBeDefined();
  });

  it('goes DEGRADED on a record from a newer engine version and says so', async () => {
    const serviceId = uniqueName('svc');
    const p = uniqueName('v');
    const a = await engine(serviceId);
    const future = JSON.stringify({
      version: 99,
      statement: 'CREATE MATERIALIZED VIEW v AS …',
      properties: {},
      command: { type: 'createMaterializedView', name: 'V' },
    });
    const at = await writeRaw(serviceId, '"view/`V`/create"', future);
    await eventually(() => a.health.snapshot().serverStatus === 'DEGRADED', 3000, 'DEGRADED');
    expect(a.health.snapshot().degradedReason).toContain(`offset ${at} has version 99`);
    expect(a.health.snapshot().degradedReason).toContain('INCOMPATIBLE_COMMAND');
    await expect(
      a.engine.execute(
        `CREATE STREAM ${p}_S (id INT KEY) WITH (KAFKA_TOPIC='${p}_s', FORMAT='JSON', PARTITIONS=1);`,
      ),
    ).rejects.toThrow(/incompatible entry in its command topic/);
    expect(a.engine.commandStatuses().get('view/`V`/create')?.status).toBe('ERROR');

    const b = await engine(serviceId);
    expect(b.health.snapshot()).toMatchObject({ serverStatus: 'DEGRADED' });
  });
});
