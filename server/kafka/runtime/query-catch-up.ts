import type { PersistentQuery } from '../../types/data-source';
import type { TopicAdmin } from '../topic-admin';
import { queryApplicationId } from './internal-topics';

/** The part of TopicAdmin the wait needs (a fake in unit tests). */
export type OffsetsAdmin = Pick<TopicAdmin, 'endOffsets' | 'committed' | 'names'>;

/** What the wait reads of the catalog (the engine's Catalog fits). */
export interface QueryGraph {
  writersOf(sourceName: string): readonly PersistentQuery[];
  source(name: string): { readonly topic: string } | undefined;
}

const POLL_MS = 50;

/**
 * "Read your writes" for pull queries: before a pull query reads a stream or table that persistent
 * queries write, it waits until those queries have processed what their inputs held at that moment
 * — upstream queries first, then each query's input topics, then its repartition topics — so that
 * `CREATE TABLE t AS SELECT …` followed at once by `SELECT … FROM t` sees the rows already in the
 * input (ksqlDB answers from whatever has been materialized so far). Bounded: after `timeoutMs`
 * the pull query reads what is there.
 */
export class QueryCatchUp {
  constructor(
    private readonly admin: OffsetsAdmin,
    private readonly serviceId: string,
    private readonly timeoutMs: number,
  ) {}

  /** Resolves true when caught up, false when the time ran out (never rejects). */
  async wait(catalog: QueryGraph, sourceNames: readonly string[]): Promise<boolean> {
    const deadline = Date.now() + this.timeoutMs;
    const done = new Set<string>();
    try {
      for (const name of sourceNames) {
        for (const q of catalog.writersOf(name)) {
          if (!(await this.waitForQuery(catalog, q, done, deadline))) return false;
        }
      }
      return true;
    } catch {
      return false; // Kafka unreachable: the read itself will report it
    }
  }

  private async waitForQuery(
    catalog: QueryGraph,
    query: PersistentQuery,
    done: Set<string>,
    deadline: number,
  ): Promise<boolean> {
    if (done.has(query.id) || query.state !== 'RUNNING') return true;
    done.add(query.id);
    for (const name of query.sources)
      for (const upstream of catalog.writersOf(name))
        if (!(await this.waitForQuery(catalog, upstream, done, deadline))) return false;
    const groupId = queryApplicationId(this.serviceId, query.id);
    const inputs = query.sources.flatMap((n) => {
      const topic = catalog.source(n)?.topic;
      // A topic written in transactions ends with a commit marker no consumer position passes.
      const transactional = catalog.writersOf(n).some(exactlyOnce);
      return topic ? [{ topic, slack: transactional ? 1 : 0 }] : [];
    });
    if (!(await this.waitForTopics(groupId, inputs, deadline))) return false;
    // What the inputs produced into the query's repartition topics is final only now.
    const names = await retrying(() => this.admin.names(), deadline);
    if (!names) return false;
    const repartitions = names
      .filter((t) => t.startsWith(`${groupId}-`) && t.endsWith('-repartition'))
      .map((topic) => ({ topic, slack: exactlyOnce(query) ? 1 : 0 }));
    return this.waitForTopics(groupId, repartitions, deadline);
  }

  /** Waits until the group's committed offsets reach the topics' end offsets as of now. */
  private async waitForTopics(
    groupId: string,
    topics: readonly { topic: string; slack: number }[],
    deadline: number,
  ): Promise<boolean> {
    for (const { topic, slack } of topics) {
      const targets = await retrying(() => this.admin.endOffsets(topic), deadline);
      if (!targets) return false;
      for (;;) {
        const committed = await retrying(() => this.admin.committed(groupId, topic), deadline);
        if (!committed) return false;
        let behind = false;
        for (const [partition, end] of targets)
          if (end > slack && (committed.get(partition) ?? 0) < end - slack) behind = true;
        if (!behind) break;
        if (Date.now() + POLL_MS > deadline) return false;
        await sleep(POLL_MS);
      }
    }
    return true;
  }
}

/**
 * Runs an admin call until it answers or the deadline passes (undefined). Its errors are
 * transient here: a new query's group has no coordinator yet, and kafkajs's admin fails some
 * offset fetches that overlap with others on the same client.
 */
async function retrying<T>(call: () => Promise<T>, deadline: number): Promise<T | undefined> {
  for (;;) {
    try {
      return await call();
    } catch {
      if (Date.now() + POLL_MS > deadline) return undefined;
      await sleep(POLL_MS);
    }
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function exactlyOnce(query: PersistentQuery): boolean {
  const guarantee =
    query.properties['processing.guarantee'] ?? query.properties['ksql.streams.processing.guarantee'];
  return guarantee === 'exactly_once_v2' || guarantee === 'exactly_once';
}
