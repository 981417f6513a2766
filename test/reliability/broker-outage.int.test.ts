/**
 * Fault: the Kafka broker goes away for 30 s (KAPPA_RELIABILITY_OUTAGE_MS) while a persistent
 * query, a REST push query and a workbench push query run. When it comes back, everything resumes
 * by itself: the sink holds every record, both push queries deliver every record, and the
 * workbench saw the outage and the recovery through `server:health`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { startBroker, type RunningBroker } from '../../scripts/kafka/broker';
import { freePort } from '../../scripts/lib/ports';
import { uniqueName } from '../../scripts/testing/unique';
import { startEngine, stopAllEngines } from './support/engine-process';
import { connectedProducer, produce, readTopic, testKafka } from './support/kafka-io';
import { report } from './support/report';
import { ksql, pushQuery, until } from './support/rest';
import { connected, connectViewer } from './support/viewer';

const OUTAGE_MS = Number(process.env.KAPPA_RELIABILITY_OUTAGE_MS ?? 30_000);
const BATCH = 200;

afterAll(stopAllEngines);

/** Distinct ids among rows whose first column is the id. */
function ids(rows: readonly unknown[][]): Set<number> {
  return new Set(rows.map((r) => Number(r[0])));
}

it(
  'survives a broker outage: queries resume by themselves, outputs are complete, the workbench sees it',
  async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kappa-outage-'));
    const ports = { broker: await freePort(), controller: await freePort() };
    let broker: RunningBroker | undefined;
    const closers: (() => unknown)[] = [];
    let engineLog = (): string[] => [];
    try {
      broker = await startBroker({ dir, ports });
      const bootstrap = broker.bootstrapServers;
      const engine = await startEngine({ bootstrap, serviceId: uniqueName('outage') });
      engineLog = () => engine.output.slice(-60);
      await engine.waitReady();
      const viewer = connectViewer(engine.url);
      closers.push(() => viewer.close());
      await connected(viewer);

      const p = uniqueName('out');
      await ksql(
        engine.url,
        `CREATE STREAM ${p}_SRC (ID STRING KEY, V INT) WITH (KAFKA_TOPIC='${p.toLowerCase()}_src', VALUE_FORMAT='JSON', PARTITIONS=2);`,
      );
      await ksql(
        engine.url,
        `CREATE STREAM ${p}_SINK WITH (KAFKA_TOPIC='${p.toLowerCase()}_sink') AS SELECT ID, V FROM ${p}_SRC;`,
        { 'auto.offset.reset': 'earliest' },
      );
      const push = `SELECT ID, V FROM ${p}_SRC EMIT CHANGES;`;
      const rest = pushQuery(engine.url, push, { 'auto.offset.reset': 'earliest' });
      closers.push(() => rest.close());
      expect(await rest.status).toBe(200);
      viewer.run('outage', push, { 'auto.offset.reset': 'earliest' });

      const kafka = testKafka(bootstrap);
      const sink = await readTopic(kafka, `${p.toLowerCase()}_sink`);
      closers.push(() => sink.close());
      const sinkIds = (): Set<number> =>
        new Set(sink.records.map((r) => Number(JSON.parse(r.value ?? '{}').V)));
      let producer = await connectedProducer(kafka);
      const batch = (from: number): { key: string; value: unknown }[] =>
        Array.from({ length: BATCH }, (_, i) => ({ key: String(from + i), value: { V: from + i } }));
      await produce(producer, `${p.toLowerCase()}_src`, batch(0));
      const complete = (n: number) => (): boolean =>
        sinkIds().size === n && ids(rest.rows).size === n && ids(viewer.rows.get('outage') ?? []).size === n;
      const counts = (): string =>
        `(sink ${sinkIds().size}, REST ${ids(rest.rows).size}, viewer ${ids(viewer.rows.get('outage') ?? []).size}, errors ${JSON.stringify([...viewer.errors, ...rest.other])})`;
      await until(complete(BATCH), 60_000, 'the first batch everywhere', counts);
      await producer.disconnect();

      // The outage.
      const down = Date.now();
      await broker.stop();
      const detectedMs = await until(
        () => viewer.health.some((h) => h.at >= down && !h.snapshot.kafka.connected),
        20_000,
        'server:health with kafka.connected=false',
      );
      const duringOutage = (await (await fetch(`${engine.url}/healthcheck`)).json()) as {
        isHealthy: boolean;
        details: { kafka: { isHealthy: boolean } };
      };
      expect(duringOutage).toMatchObject({ isHealthy: false, details: { kafka: { isHealthy: false } } });
      await new Promise((r) => setTimeout(r, Math.max(0, OUTAGE_MS - (Date.now() - down))));

      // The broker comes back on the same folder and ports.
      broker = await startBroker({ dir, ports });
      const up = Date.now();
      // The probe may see the broker before startBroker returns: look for the first "connected"
      // after the outage was seen, whenever it came.
      const outageSeen = viewer.health.findIndex((h) => h.at >= down && !h.snapshot.kafka.connected);
      const reconnected = (): { at: number } | undefined =>
        viewer.health.slice(outageSeen).find((h) => h.snapshot.kafka.connected);
      await until(() => reconnected() !== undefined, 30_000, 'server:health with kafka.connected=true');
      producer = await connectedProducer(kafka);
      await produce(producer, `${p.toLowerCase()}_src`, batch(BATCH));
      await producer.disconnect();
      const recovered = { sink: 0, rest: 0, viewer: 0 };
      const recoveredMs = await until(
        () => {
          const at = Date.now() - up;
          if (!recovered.sink && sinkIds().size === 2 * BATCH) recovered.sink = at;
          if (!recovered.rest && ids(rest.rows).size === 2 * BATCH) recovered.rest = at;
          if (!recovered.viewer && ids(viewer.rows.get('outage') ?? []).size === 2 * BATCH)
            recovered.viewer = at;
          return complete(2 * BATCH)();
        },
        120_000,
        'the second batch everywhere',
        counts,
      );
      const healthy = (await (await fetch(`${engine.url}/healthcheck`)).json()) as { isHealthy: boolean };
      expect(healthy.isHealthy).toBe(true);
      expect(viewer.errors).toEqual([]);
      // A push query resumes where it stopped: no row twice (the sink is at-least-once: counted).
      expect(rest.rows.length).toBe(2 * BATCH);
      expect(viewer.rows.get('outage')?.length).toBe(2 * BATCH);
      report('broker outage', {
        outageMs: up - down,
        detectedMs,
        reconnectedAfterRestartMs: Math.max(0, (reconnected()?.at ?? up) - up),
        outputsCompleteAfterRestartMs: recoveredMs,
        completeAfterRestartMs: recovered,
        sinkRecords: sink.records.length,
        sinkDuplicates: sink.records.length - sinkIds().size,
        restPushDuplicates: rest.rows.length - ids(rest.rows).size,
        viewerDuplicates: (viewer.rows.get('outage')?.length ?? 0) - 2 * BATCH,
      });
    } catch (error) {
      console.log(engineLog().join('\n'));
      throw error;
    } finally {
      for (const close of closers) await Promise.resolve(close()).catch(() => undefined);
      await stopAllEngines();
      await broker?.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
  OUTAGE_MS + 300_000,
);
