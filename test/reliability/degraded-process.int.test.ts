/**
 * Fault: a corrupt record and a record from a newer engine version land in the command topic of
 * a running engine process. It goes DEGRADED where everyone can see it (/info, /healthcheck, the
 * workbench's `server:health`), keeps serving queries, refuses DDL; restarted, it comes up DEGRADED
 * again instead of crash-looping; the documented repair (scripts/catalog/repair.ts) brings every
 * engine back to RUNNING without a restart. The in-process cases are in server/engine/degraded.int.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { afterAll, expect, inject, it } from 'vitest';
import { repoRoot } from '../../scripts/lib/paths';
import { uniqueName } from '../../scripts/testing/unique';
import { commandTopicName } from '../../server/kafka/command-topic';
import { startEngine, stopAllEngines } from './support/engine-process';
import { connectedProducer, testKafka } from './support/kafka-io';
import { report } from './support/report';
import { ksql, post, pullRows, until } from './support/rest';
import { connected, connectViewer, type Viewer } from './support/viewer';

afterAll(stopAllEngines);

async function info(url: string): Promise<{ serverStatus: string }> {
  const body = (await (await fetch(`${url}/info`)).json()) as { KsqlServerInfo: { serverStatus: string } };
  return body.KsqlServerInfo;
}

function repair(bootstrap: string, serviceId: string, args: string[]): string {
  const result = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'scripts/catalog/repair.ts',
      ...args,
      '--bootstrap',
      bootstrap,
      '--service-id',
      serviceId,
    ],
    { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 },
  );
  if (result.status !== 0)
    throw new Error(`repair.ts ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

it('goes DEGRADED visibly on corrupt and future records, never crash-loops, and is repaired in place', async () => {
  const bootstrap = inject('kafkaBootstrapServers');
  const serviceId = uniqueName('degraded');
  const kafka = testKafka(bootstrap);
  const producer = await connectedProducer(kafka);
  const viewers: Viewer[] = [];
  try {
    const first = await startEngine({ bootstrap, serviceId, name: 'engine-1' });
    await first.waitReady();
    const viewer = connectViewer(first.url);
    viewers.push(viewer);
    await connected(viewer);
    const p = uniqueName('dg');
    await ksql(
      first.url,
      `CREATE STREAM ${p}_S (ID STRING KEY, V INT) WITH (KAFKA_TOPIC='${p.toLowerCase()}', VALUE_FORMAT='JSON', PARTITIONS=1);`,
    );
    await ksql(first.url, `INSERT INTO ${p}_S (ID, V) VALUES ('a', 1);`);

    const write = async (key: string, value: string): Promise<number> => {
      const [md] = await producer.send({
        topic: commandTopicName(serviceId),
        messages: [{ key, value, partition: 0 }],
      });
      return Number(md?.baseOffset);
    };
    const corrupt = await write('"stream/`X`/create"', '{"this is": not json');
    const future = await write(
      '"view/`V`/create"',
      JSON.stringify({ version: 99, statement: 'CREATE MATERIALIZED VIEW v …', properties: {}, command: {} }),
    );
    const detectedMs = await until(
      () => viewer.health.some((h) => h.snapshot.serverStatus === 'DEGRADED'),
      10_000,
      'server:health DEGRADED',
    );
    const degraded = viewer.health.findLast((h) => h.snapshot.serverStatus === 'DEGRADED')?.snapshot;
    expect(degraded?.degradedReason).toContain(`offset ${corrupt}`);
    expect((await info(first.url)).serverStatus).toBe('DEGRADED');
    const health = (await (await fetch(`${first.url}/healthcheck`)).json()) as {
      details: { commandRunner: { isHealthy: boolean } };
    };
    expect(health.details.commandRunner.isHealthy).toBe(false);
    // Queries still run; DDL is refused with a pointer to the repair.
    expect(await pullRows(first.url, `SELECT * FROM ${p}_S;`)).toEqual([['a', 1]]);
    const ddl = await post(first.url, '/ksql', { ksql: `CREATE STREAM ${p}_T AS SELECT * FROM ${p}_S;` });
    expect(ddl.status).toBeGreaterThanOrEqual(400);
    expect(ddl.text).toMatch(/repair/);

    // A restart comes up DEGRADED and stays up (no crash loop).
    await first.kill();
    const second = await startEngine({ bootstrap, serviceId, name: 'engine-2' });
    const readyMs = await second.waitReady();
    await new Promise((r) => setTimeout(r, 5000));
    const exited = await Promise.race([second.exited.then(() => true), Promise.resolve(false)]);
    expect(exited).toBe(false);
    expect((await info(second.url)).serverStatus).toBe('DEGRADED');

    // The documented repair, with the engine running; the workbench sees the recovery.
    const viewer2 = connectViewer(second.url);
    viewers.push(viewer2);
    await connected(viewer2);
    await until(() => viewer2.health.length > 0, 5000, 'the first server:health');
    expect(viewer2.health[0]?.snapshot.serverStatus).toBe('DEGRADED');
    const status = repair(bootstrap, serviceId, ['status']);
    expect(status).toContain('DEGRADED');
    expect(status).toContain(`offset ${corrupt}`);
    expect(status).toContain(`offset ${future}`);
    repair(bootstrap, serviceId, ['skip', String(corrupt), String(future), '--reason', 'reliability test']);
    const repairedMs = await until(
      async () => (await info(second.url)).serverStatus === 'RUNNING',
      15_000,
      'RUNNING after the repair',
    );
    await until(
      () => viewer2.health.at(-1)?.snapshot.serverStatus === 'RUNNING',
      5000,
      'server:health RUNNING',
    );
    await ksql(second.url, `CREATE STREAM ${p}_T AS SELECT * FROM ${p}_S;`);
    report('corrupt and future command records', {
      detectedMs,
      restartedDegradedReadyMs: readyMs,
      repairedWithoutRestartMs: repairedMs,
    });
  } finally {
    for (const v of viewers) v.close();
    await producer.disconnect();
    await stopAllEngines();
  }
}, 240_000);
