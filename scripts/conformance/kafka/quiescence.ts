import type { Admin } from 'kafkajs';
import type { CatalogView } from '../../../server/catalog/catalog';
import { queryApplicationId } from '../../../server/kafka/runtime/internal-topics';

/** A persistent query's consumer group and the topics it reads. */
export interface QueryGroup {
  readonly queryId: string;
  readonly groupId: string;
  readonly topics: readonly string[];
  /** The topic it writes, watched so a chained query's new input is seen. */
  readonly sink?: string;
}

/**
 * The groups of the catalog's persistent queries: each reads its sources' topics and its own
 * repartition topics (`<app id>-…-repartition`, found in `allTopics`).
 */
export function queryGroups(
  catalog: CatalogView,
  serviceId: string,
  allTopics: readonly string[],
): QueryGroup[] {
  return catalog.queries().map((q) => {
    const groupId = queryApplicationId(serviceId, q.id);
    const sources = q.sources
      .map((s) => catalog.source(s)?.topic)
      .filter((t): t is string => t !== undefined);
    const repartitions = allTopics.filter((t) => t.startsWith(`${groupId}-`) && t.endsWith('-repartition'));
    const sink = catalog.source(q.sink)?.topic;
    return {
      queryId: q.id,
      groupId,
      topics: [...new Set([...sources, ...repartitions])],
      ...(sink === undefined ? {} : { sink }),
    };
  });
}

/** One look at the queries: whether each has committed everything, and the end offsets seen. */
interface Snapshot {
  readonly behind: string[];
  readonly ends: string;
}

async function snapshot(admin: Admin, groups: readonly QueryGroup[]): Promise<Snapshot> {
  const behind: string[] = [];
  const ends: string[] = [];
  const high = new Map<string, Map<number, number> | undefined>();
  // A request that fails (a topic the broker does not know yet) means "not quiet", never "caught up".
  const endsOf = async (topic: string): Promise<Map<number, number> | undefined> => {
    if (!high.has(topic)) {
      const offsets = await admin.fetchTopicOffsets(topic).catch(() => undefined);
      // No partitions is how a broker may describe a topic it has not fully applied yet.
      const m = offsets?.length ? new Map(offsets.map((p) => [p.partition, Number(p.high)])) : undefined;
      high.set(topic, m);
      if (m) ends.push(`${topic}:${[...m.values()].join(',')}`);
      else behind.push(`cannot read the end offsets of ${topic}`);
    }
    return high.get(topic);
  };
  for (const g of groups) {
    if (g.sink !== undefined) await endsOf(g.sink);
    if (g.topics.length === 0) continue;
    const committed = await admin
      .fetchOffsets({ groupId: g.groupId, topics: [...g.topics] })
      .catch(() => undefined);
    if (committed === undefined) {
      behind.push(`cannot read the offsets of ${g.queryId}`);
      continue;
    }
    for (const topic of g.topics) {
      const got = new Map(
        (committed.find((c) => c.topic === topic)?.partitions ?? []).map((p) => [
          p.partition,
          Number(p.offset),
        ]),
      );
      for (const [partition, end] of (await endsOf(topic)) ?? []) {
        const at = got.get(partition) ?? -1;
        if (end > 0 && at < end)
          behind.push(`${g.queryId} at ${topic}[${partition}] ${Math.max(at, 0)}/${end}`);
      }
    }
  }
  return { behind, ends: ends.sort().join(' ') };
}

/**
 * Waits until every persistent query has processed all it can: its group has committed offsets up
 * to the end of every partition it reads, twice in a row with the same end offsets everywhere
 * (so an upstream query's late output, which moves an end offset, is not missed). The runtime
 * commits a batch's offsets only after its outputs are acknowledged, so a caught-up group's
 * outputs are all in their topics. Offsets are compared as written by a non-transactional
 * producer: under exactly_once_v2 a commit marker ends each batch and this would wait for nothing
 * (QTT cases never set it). Returns undefined when quiet, else what was still behind at `deadline`.
 */
export async function waitUntilQuiet(
  admin: Admin,
  groups: () => Promise<readonly QueryGroup[]>,
  deadline: number,
  pollMs = 100,
): Promise<string | undefined> {
  let previous: string | undefined;
  for (;;) {
    const s = await snapshot(admin, await groups());
    if (s.behind.length === 0) {
      if (previous === s.ends) return undefined;
      previous = s.ends;
    } else {
      previous = undefined;
      if (Date.now() >= deadline) {
        const more = s.behind.length > 3 ? ` (+${s.behind.length - 3})` : '';
        return `queries not caught up: ${s.behind.slice(0, 3).join('; ')}${more}`;
      }
    }
    if (Date.now() >= deadline + 2 * pollMs) return 'end offsets still moving';
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
