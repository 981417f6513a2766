import { Catalog } from './catalog';
import type { DataSource, PersistentQuery } from '../types/data-source';
import type { SqlType } from '../types/sql-type';

/**
 * The part of the catalog a persistent query is planned against: the sources it reads and the
 * custom types, as they were just before its command. The query registry plans from the stored
 * statement, so a later ALTER of a source must not change an existing query's plan; keeping this
 * small catalog per query (instead of a full snapshot per command) keeps replay linear.
 */
export function queryContext(
  sourceOf: (name: string) => DataSource | undefined,
  types: ReadonlyMap<string, SqlType>,
  query: PersistentQuery,
  lastOffset: number,
): Catalog {
  const sources = new Map<string, DataSource>();
  for (const name of query.sources) {
    const s = sourceOf(name);
    if (s) sources.set(name, s);
  }
  return Catalog.fromParts(sources, new Map(types), new Map(), lastOffset);
}
