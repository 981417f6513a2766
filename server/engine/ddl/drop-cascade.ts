import type { CatalogView } from '../../bind/catalog-view';

/** What `DROP … CASCADE` removes besides the named source. */
export interface CascadePlan {
  /** Persistent queries to terminate, in discovery order. */
  readonly queries: readonly string[];
  /** Sources to drop besides the named one. */
  readonly sources: readonly string[];
}

/**
 * Everything that depends on `name`, transitively: every query that reads or writes a dropped
 * source is terminated, and a source created by a terminated query (its CSAS/CTAS sink) is
 * dropped too. A stream that an INSERT INTO query merely writes into was created on its own, so
 * it stays (only the query goes). The named source's own creating query is not listed: a plain
 * DROP removes it already.
 */
export function cascadeFrom(catalog: CatalogView, name: string): CascadePlan {
  const queries: string[] = [];
  const sources: string[] = [];
  const dropped = new Set([name]);
  const terminated = new Set<string>();
  const creator = catalog.source(name)?.createdBy;
  if (creator !== undefined) terminated.add(creator);
  const pending = [name];
  while (pending.length > 0) {
    const current = pending.shift()!;
    for (const q of [...catalog.writersOf(current), ...catalog.readersOf(current)]) {
      if (terminated.has(q.id)) continue;
      terminated.add(q.id);
      queries.push(q.id);
      const sink = catalog.source(q.sink);
      if (sink?.createdBy === q.id && !dropped.has(sink.name)) {
        dropped.add(sink.name);
        sources.push(sink.name);
        pending.push(sink.name);
      }
    }
  }
  return { queries, sources };
}

/** Queries that block a plain DROP: readers, and writers other than the source's own query. */
export function blockingQueries(
  catalog: CatalogView,
  name: string,
): { readers: string[]; writers: string[] } {
  const createdBy = catalog.source(name)?.createdBy;
  return {
    readers: catalog.readersOf(name).map((q) => q.id),
    writers: catalog
      .writersOf(name)
      .filter((q) => q.id !== createdBy)
      .map((q) => q.id),
  };
}
