import { describe, expect, it } from 'vitest';
import { CatalogState } from '../engine/catalog-state';
import { StatementExecutor } from '../engine/engine';
import type { EngineServices } from '../engine/statement-context';
import { InMemoryTopics } from '../testing/in-memory-topics';
import type { CatalogView } from './catalog';
import { exportCatalog } from './catalog-export';

/** An engine over an in-memory log; several can share one set of topics (one "cluster"). */
function engine(topics: InMemoryTopics): { state: CatalogState; execute: (sql: string) => Promise<unknown> } {
  const state = new CatalogState();
  let next = 0;
  const services: EngineServices = {
    topics,
    clock: { now: () => 0 },
    writer: { write: async () => {} },
    commands: {
      append: async (key, record) => {
        const offset = next;
        next += 2; // as on Kafka, where a transaction marker follows each record
        state.applyRecord(offset, key, record);
        return offset;
      },
    },
  };
  const executor = new StatementExecutor(state, services, { serviceId: 'export-test' });
  return { state, execute: (sql) => executor.execute(sql) };
}

const SCRIPT = `
  CREATE TYPE ADDRESS AS STRUCT<street STRING, \`zip code\` INT>;
  CREATE STREAM orders (id BIGINT KEY, amount DECIMAL(10, 2), ts BIGINT, addr ADDRESS, hs ARRAY<STRUCT<key STRING, value BYTES>> HEADERS, trace BYTES HEADER('trace'))
    WITH (KAFKA_TOPIC='orders', VALUE_FORMAT='JSON', PARTITIONS=3, TIMESTAMP='ts');
  CREATE TABLE users (id BIGINT PRIMARY KEY, name STRING) WITH (KAFKA_TOPIC='users', FORMAT='JSON', PARTITIONS=2);
  CREATE STREAM csv (k STRING KEY, a INT, b STRING) WITH (KAFKA_TOPIC='csv', KEY_FORMAT='KAFKA', VALUE_FORMAT='DELIMITED', VALUE_DELIMITER='TAB', PARTITIONS=1);
  CREATE SOURCE TABLE ref (code STRING PRIMARY KEY, label STRING) WITH (KAFKA_TOPIC='ref', FORMAT='JSON', PARTITIONS=1);
  CREATE TABLE windowed (id BIGINT PRIMARY KEY, n BIGINT) WITH (KAFKA_TOPIC='windowed', FORMAT='JSON', WINDOW_TYPE='TUMBLING', WINDOW_SIZE='1 MINUTE', PARTITIONS=1);
  CREATE STREAM single (v STRING) WITH (KAFKA_TOPIC='single', VALUE_FORMAT='JSON', WRAP_SINGLE_VALUE=false, PARTITIONS=1);
  SET 'auto.offset.reset'='earliest';
  CREATE STREAM big AS SELECT id, amount, ts, addr FROM orders WHERE amount > 100;
  UNSET 'auto.offset.reset';
  CREATE TABLE counts AS SELECT id, COUNT(*) AS n FROM big GROUP BY id;
  CREATE STREAM stopped AS SELECT id, amount FROM orders;
  CREATE STREAM all_csv (k STRING KEY, a INT, b STRING) WITH (KAFKA_TOPIC='all_csv', FORMAT='DELIMITED', PARTITIONS=1);
  INSERT INTO all_csv SELECT * FROM csv;
  ALTER STREAM csv ADD COLUMN c DOUBLE;
  ALTER TABLE users ADD COLUMN email STRING;
  CREATE STREAM csv_wide AS SELECT * FROM csv;
  CREATE STREAM gone (id INT KEY) WITH (KAFKA_TOPIC='gone', FORMAT='JSON', PARTITIONS=1);
  DROP STREAM gone;
`;

function summary(c: CatalogView): unknown {
  return {
    sources: c
      .sources()
      .map(({ sql: _sql, createdBy, ...rest }) => ({ ...rest, running: !!createdBy && !!c.query(createdBy) }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    queries: c
      .queries()
      .map(({ id: _id, ...rest }) => rest)
      .sort((a, b) => a.sink.localeCompare(b.sink)),
    types: [...c.types()].sort(),
  };
}

describe('exportCatalog', () => {
  it('writes a script that rebuilds the same catalog (ALTERs after the queries that predate them)', async () => {
    const cluster = new InMemoryTopics(() => 0);
    const first = engine(cluster);
    await first.execute(SCRIPT);
    const stopped = first.state.catalog().source('STOPPED')!.createdBy!;
    await first.execute(`TERMINATE ${stopped};`);
    const script = exportCatalog(first.state.commands());

    const second = engine(cluster);
    await second.execute(script);
    expect(summary(second.state.catalog())).toEqual(summary(first.state.catalog()));
    expect(exportCatalog(second.state.commands())).toBe(script);
  });

  it('writes history in log order, wraps session properties, leaves out what was dropped', async () => {
    const cluster = new InMemoryTopics(() => 0);
    const e = engine(cluster);
    await e.execute(SCRIPT);
    const big = e.state.catalog().source('BIG')!.createdBy!;
    await e.execute(`PAUSE ${big};`);
    const script = exportCatalog(e.state.commands(), { partitions: (t) => (t === 'orders' ? 3 : undefined) });
    const at = (s: string): number => script.indexOf(s);
    expect(at('CREATE TYPE ADDRESS')).toBe(0);
    expect(at('CREATE STREAM ORDERS')).toBeLessThan(at('CREATE STREAM big AS'));
    expect(at('INSERT INTO all_csv SELECT * FROM csv;')).toBeLessThan(
      at('ALTER STREAM CSV ADD COLUMN C DOUBLE;'),
    );
    expect(at('ALTER STREAM CSV ADD COLUMN C DOUBLE;')).toBeLessThan(at('CREATE STREAM csv_wide AS'));
    expect(script).toContain('ALTER TABLE USERS ADD COLUMN EMAIL STRING;');
    expect(script).toContain(
      "SET 'auto.offset.reset'='earliest';\nCREATE STREAM big AS SELECT id, amount, ts, addr FROM orders WHERE amount > 100;\nUNSET 'auto.offset.reset';",
    );
    expect(script).toContain(
      "KAFKA_TOPIC='orders', KEY_FORMAT='KAFKA', VALUE_FORMAT='JSON', PARTITIONS=3, TIMESTAMP='TS'",
    );
    expect(script).toContain("VALUE_DELIMITER='TAB'");
    expect(script).not.toMatch(/GONE|DROP|TERMINATE/);
    expect(script).toContain(`-- Paused when exported (pause them again after the import): ${big}`);
  });
});
