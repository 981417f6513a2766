import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { uniqueName } from '../../scripts/testing/unique';
import type { CatalogView } from '../catalog/catalog';
import { eventually, startTestEngine, type TestEngine } from './testing/kafka-test-engine';

const run = promisify(execFile);
const bootstrap = inject('kafkaBootstrapServers');
const engines: TestEngine[] = [];

async function engine(serviceId: string): Promise<TestEngine> {
  const e = await startTestEngine(bootstrap, serviceId);
  engines.push(e);
  return e;
}

afterEach(async () => {
  await Promise.all(engines.splice(0).map((e) => e.stop()));
});

/** A catalog's content without what the log numbering decides (query ids). */
function summary(c: CatalogView): unknown {
  return {
    sources: c
      .sources()
      .map(({ sql: _sql, createdBy, ...rest }) => ({ ...rest, running: !!createdBy && !!c.query(createdBy) }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    queries: c
      .queries()
      .map(({ id: _id, ...rest }) => rest)
      .sort((a, b) => `${a.sink}${a.sql}`.localeCompare(`${b.sink}${b.sql}`)),
    types: [...c.types()].sort(),
  };
}

function tool(
  script: string,
  serviceId: string,
  args: string[],
): Promise<{ stdout: string; stderr: string }> {
  return run(
    'npx',
    ['tsx', `scripts/catalog/${script}.ts`, '--bootstrap', bootstrap, '--service-id', serviceId, ...args],
    { cwd: process.cwd(), timeout: 60_000 },
  );
}

describe('DROP … CASCADE over the command topic', () => {
  it('terminates the dependents and drops what they created, on every engine', async () => {
    const serviceId = uniqueName('svc');
    const p = uniqueName('c');
    const a = await engine(serviceId);
    const b = await engine(serviceId);
    await a.engine.execute(`
      CREATE STREAM ${p}_SRC (id INT KEY, v INT) WITH (KAFKA_TOPIC='${p}_src', FORMAT='JSON', PARTITIONS=1);
      CREATE STREAM ${p}_MID AS SELECT * FROM ${p}_SRC WHERE v > 0;
      CREATE TABLE ${p}_AGG AS SELECT id, COUNT(*) AS n FROM ${p}_MID GROUP BY id;
      CREATE STREAM ${p}_KEEP (id INT KEY, v INT) WITH (KAFKA_TOPIC='${p}_keep', FORMAT='JSON', PARTITIONS=1);
      INSERT INTO ${p}_KEEP SELECT * FROM ${p}_MID;`);
    await expect(a.engine.execute(`DROP STREAM ${p}_SRC;`)).rejects.toThrow(/CASCADE/);
    const [status] = await a.engine.execute(`DROP STREAM ${p}_SRC CASCADE;`);
    const message = (status!.commandStatus as { message: string }).message;
    expect(message).toContain(`dropped sources [${p}_MID, ${p}_AGG]`);
    await eventually(() => b.state.catalog().source(`${p}_SRC`) === undefined, 1000, 'B to apply the DROP');
    for (const e of [a, b]) {
      expect(
        e.state
          .catalog()
          .sources()
          .map((s) => s.name),
      ).toEqual([`${p}_KEEP`]);
      expect(e.state.catalog().queries()).toEqual([]);
      expect(e.runtime.running.size).toBe(0);
    }
  });
});

describe('export and import', () => {
  it('rebuild the same catalog under another service id, through the scripts', async () => {
    const from = uniqueName('svc');
    const to = uniqueName('svc');
    const p = uniqueName('x');
    const a = await engine(from);
    await a.engine.execute(`
      CREATE TYPE ${p}_PAIR AS STRUCT<l INT, r INT>;
      CREATE STREAM ${p}_IN (id BIGINT KEY, pair ${p}_PAIR, ts BIGINT, tags ARRAY<STRING>)
        WITH (KAFKA_TOPIC='${p}_in', VALUE_FORMAT='JSON', PARTITIONS=3, TIMESTAMP='ts');
      CREATE TABLE ${p}_DIM (id BIGINT PRIMARY KEY, label STRING) WITH (KAFKA_TOPIC='${p}_dim', FORMAT='JSON', PARTITIONS=3);
      SET 'auto.offset.reset'='earliest';
      CREATE STREAM ${p}_ENRICHED AS SELECT id, pair, tags[1] AS first_tag FROM ${p}_IN WHERE pair->l > 0;
      UNSET 'auto.offset.reset';
      CREATE TABLE ${p}_COUNTS AS SELECT id, COUNT(*) AS n FROM ${p}_ENRICHED GROUP BY id;
      CREATE STREAM ${p}_OUT (id BIGINT KEY, pair ${p}_PAIR, ts BIGINT, tags ARRAY<STRING>)
        WITH (KAFKA_TOPIC='${p}_out', VALUE_FORMAT='JSON', PARTITIONS=1);
      INSERT INTO ${p}_OUT SELECT * FROM ${p}_IN;
      ALTER STREAM ${p}_IN ADD COLUMN note STRING;`);
    const file = path.join(os.tmpdir(), `${p}.sql`);
    await tool('export', from, ['--out', file]);
    const script = fs.readFileSync(file, 'utf8');
    expect(script).toContain(`CREATE TYPE ${p}_PAIR AS STRUCT<L INTEGER, R INTEGER>;`);
    expect(script).toMatch(/PARTITIONS=3, TIMESTAMP='TS'/);

    const imported = await tool('import', to, [file]);
    expect(imported.stderr).toMatch(/the catalog now has 5 sources and 3 queries/);
    const b = await engine(to);
    expect(summary(b.state.catalog())).toEqual(summary(a.state.catalog()));
    expect([...b.runtime.running].length).toBe(3);

    // The repair tool agrees the imported catalog is healthy.
    const status = await tool('repair', to, ['status']);
    expect(status.stdout).toContain('status: RUNNING');
    fs.rmSync(file, { force: true });
  });
});
