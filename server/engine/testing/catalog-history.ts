/**
 * A long, realistic command history for replay benchmarks: the statements a busy cluster
 * accumulates (streams created, derived with CREATE … AS SELECT, merged with INSERT INTO,
 * altered, dropped, queries terminated, types defined and dropped), run through the real
 * statement handlers over an in-memory log. Deterministic for a given seed. Test support only.
 */
import type { LogEntry } from '../../catalog/replay-compactor';
import { CatalogState } from '../catalog-state';
import { StatementExecutor } from '../engine';
import type { TopicService } from '../services';
import type { EngineServices } from '../statement-context';

/** Topics as names with partition counts: all a history of DDL needs. */
function topicsOnly(): TopicService {
  const partitions = new Map<string, number>([['perf_input', 4]]);
  return {
    partitions: async (name) => partitions.get(name),
    create: async (spec) => void partitions.set(spec.name, partitions.get(spec.name) ?? spec.partitions),
    delete: async (names) => names.forEach((n) => partitions.delete(n)),
    list: async () =>
      [...partitions].map(([name, p]) => ({
        name,
        partitions: p,
        replicas: 1,
        messages: 0,
        internal: false,
      })),
  };
}

export async function buildHistory(
  commands: number,
  seed = 7,
): Promise<{ entries: LogEntry[]; state: CatalogState }> {
  let s = seed;
  const rnd = (): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const topics = topicsOnly();
  const state = new CatalogState();
  const entries: LogEntry[] = [];
  const services: EngineServices = {
    topics,
    clock: { now: () => 0 },
    writer: { write: async () => {} },
    commands: {
      append: async (key, record) => {
        const offset = entries.length * 2; // a transaction marker after each record, as on Kafka
        entries.push({ offset, key, record });
        state.applyRecord(offset, key, record);
        return offset;
      },
    },
  };
  const executor = new StatementExecutor(state, services, { serviceId: 'history' });
  let n = 0;
  const columns = 'id BIGINT KEY, amount DOUBLE, name STRING, tags ARRAY<STRING>, attrs MAP<STRING, INT>';
  while (entries.length < commands) {
    const catalog = state.catalog();
    const sources = catalog.sources();
    const plain = sources.filter((x) => !x.createdBy);
    const r = rnd();
    let sql: string;
    n++;
    if (r < 0.35 || sources.length < 5) {
      sql = `CREATE STREAM S${n} (${columns}) WITH (KAFKA_TOPIC='perf_input', VALUE_FORMAT='JSON');`;
    } else if (r < 0.55) {
      sql = `CREATE STREAM D${n} AS SELECT id, amount * 2 AS amount, UCASE(name) AS name, tags, attrs FROM ${pick(plain.length > 0 ? plain : sources).name} WHERE amount > ${Math.floor(rnd() * 100)};`;
    } else if (r < 0.65 && plain.length > 1) {
      const target = pick(plain);
      const from = pick(plain.filter((x) => x.name !== target.name));
      sql = `INSERT INTO ${target.name} SELECT * FROM ${from.name};`;
    } else if (r < 0.75 && plain.length > 0) {
      sql = `ALTER STREAM ${pick(plain).name} ADD COLUMN c${n} STRING;`;
    } else if (r < 0.88) {
      // A source nothing else reads or writes (one pass over the queries, not one per source).
      const busy = new Set<string>();
      for (const q of catalog.queries()) {
        for (const from of q.sources) busy.add(from);
        if (catalog.source(q.sink)?.createdBy !== q.id) busy.add(q.sink);
      }
      const leaves = sources.filter((x) => !busy.has(x.name));
      if (leaves.length === 0) continue;
      sql = `DROP STREAM ${pick(leaves).name};`;
    } else if (r < 0.95) {
      const inserts = catalog.queries().filter((q) => q.kind === 'INSERT');
      if (inserts.length === 0) continue;
      sql = `TERMINATE ${pick(inserts).id};`;
    } else if (r < 0.98 || catalog.types().size === 0) {
      sql = `CREATE TYPE T${n} AS STRUCT<a INT, b STRING>;`;
    } else {
      sql = `DROP TYPE ${pick([...catalog.types().keys()])};`;
    }
    // A statement the random choice got wrong (an INSERT between streams whose columns differ
    // after an ALTER) is rejected as it would be for a user; the history just goes on.
    await executor.execute(sql).catch(() => undefined);
  }
  return { entries, state };
}
