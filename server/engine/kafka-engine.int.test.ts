import { afterEach, describe, expect, inject, it } from 'vitest';
import { uniqueName } from '../../scripts/testing/unique';
import type { Catalog } from '../catalog/catalog';
import { eventually, startTestEngine, type TestEngine } from './testing/kafka-test-engine';

const bootstrap = inject('kafkaBootstrapServers');
const engines: TestEngine[] = [];

async function engine(serviceId: string): Promise<TestEngine> {
  const e = await startTestEngine(bootstrap, serviceId);
  engines.push(e);
  return e;
}

async function stop(e: TestEngine): Promise<void> {
  engines.splice(engines.indexOf(e), 1);
  await e.stop();
}

afterEach(async () => {
  await Promise.all(engines.splice(0).map((e) => e.stop()));
});

function summary(c: Catalog): unknown {
  return {
    sources: c
      .sources()
      .map((s) => ({ name: s.name, kind: s.kind, topic: s.topic, schema: s.schema, createdBy: s.createdBy }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    queries: c
      .queries()
      .map((q) => ({ id: q.id, sink: q.sink, sources: q.sources, state: q.state }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    types: [...c.types()].sort(),
    lastOffset: c.lastOffset,
  };
}

function script(prefix: string): string {
  return `
    CREATE TYPE ${prefix}_ADDR AS STRUCT<street STRING, zip INT>;
    CREATE STREAM ${prefix}_ORDERS (id BIGINT KEY, amount DOUBLE, addr ${prefix}_ADDR)
      WITH (KAFKA_TOPIC='${prefix}_orders', VALUE_FORMAT='JSON', PARTITIONS=2);
    CREATE TABLE ${prefix}_USERS (id BIGINT PRIMARY KEY, name STRING)
      WITH (KAFKA_TOPIC='${prefix}_users', FORMAT='JSON', PARTITIONS=1);
    CREATE STREAM ${prefix}_BIG AS SELECT * FROM ${prefix}_ORDERS WHERE amount > 100;
    CREATE TABLE ${prefix}_COUNTS AS SELECT id, COUNT(*) AS n FROM ${prefix}_ORDERS GROUP BY id;
    CREATE STREAM ${prefix}_ALL (id BIGINT KEY, amount DOUBLE, addr ${prefix}_ADDR)
      WITH (KAFKA_TOPIC='${prefix}_all', VALUE_FORMAT='JSON', PARTITIONS=1);
    INSERT INTO ${prefix}_ALL SELECT * FROM ${prefix}_ORDERS;
    ALTER STREAM ${prefix}_ORDERS ADD COLUMN note STRING;
  `;
}

describe('the catalog over a real command topic', () => {
  it('replays everything after a restart, with query ids from the log', async () => {
    const serviceId = uniqueName('svc');
    const p = uniqueName('r');
    const first = await engine(serviceId);
    expect(first.health.snapshot().serverStatus).toBe('RUNNING');
    const entities = await first.engine.execute(script(p));
    const statuses = entities.map((e) => (e.commandStatus as { status: string }).status);
    expect(statuses.every((s) => s === 'SUCCESS')).toBe(true);
    const csas = first.state.catalog().source(`${p}_BIG`)!.createdBy!;
    const seq = entities[3]!.commandSequenceNumber as number;
    expect(csas).toBe(`CSAS_${p}_BIG_${seq - 1}`);
    const before = summary(first.state.catalog());
    await stop(first);

    const second = await engine(serviceId);
    expect(summary(second.state.catalog())).toEqual(before);
    expect(second.health.snapshot().serverStatus).toBe('RUNNING');
    expect([...second.runtime.running].sort()).toEqual(
      second.state
        .catalog()
        .queries()
        .map((q) => q.id)
        .sort(),
    );
    expect(second.engine.commandStatuses().get(`stream/\`${p}_BIG\`/create`)?.status).toBe('SUCCESS');
    console.log(`replayed ${second.replay.records} records in ${second.replay.millis.toFixed(0)} ms`);
  });

  it('shares one catalog between two engines of a service, each seeing the other within a second', async () => {
    const serviceId = uniqueName('svc');
    const a = await engine(serviceId);
    const b = await engine(serviceId);
    const p = uniqueName('t');
    await a.engine.execute(
      `CREATE STREAM ${p}_A (id INT KEY, v STRING) WITH (KAFKA_TOPIC='${p}_a', FORMAT='JSON', PARTITIONS=1);`,
    );
    const seen = await eventually(() => b.state.catalog().source(`${p}_A`) !== undefined, 1000, 'B to see A');
    console.log(`engine B saw engine A's CREATE after ${seen} ms`);
    await b.engine.execute(`CREATE STREAM ${p}_B AS SELECT * FROM ${p}_A;`);
    await eventually(() => a.state.catalog().source(`${p}_B`) !== undefined, 1000, 'A to see B');

    // Concurrent writers: every statement lands exactly once, in one order both engines agree on.
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        (i % 2 === 0 ? a : b).engine.execute(`CREATE STREAM ${p}_C${i} AS SELECT * FROM ${p}_A;`),
      ),
    );
    expect(results.flat().every((e) => (e.commandStatus as { status: string }).status === 'SUCCESS')).toBe(
      true,
    );
    await eventually(
      () => a.state.offset === b.state.offset && a.state.catalog().sources().length === 8,
      3000,
      'both engines to converge',
    );
    expect(summary(a.state.catalog())).toEqual(summary(b.state.catalog()));

    // A restarted engine loses nothing and joins again.
    await stop(a);
    const a2 = await engine(serviceId);
    expect(summary(a2.state.catalog())).toEqual(summary(b.state.catalog()));
    await a2.engine.execute(`DROP STREAM ${p}_C0;`);
    await eventually(() => b.state.catalog().source(`${p}_C0`) === undefined, 1000, 'B to see the DROP');
  });
});
