import type { CatalogView } from '../../bind/catalog-view';
import type { QueryHandle } from '../../engine/queries/query-handle';
import { parseScript } from '../../sql';

/**
 * Whether the header `schema` marks key columns with KEY: ksqlDB does so for pull queries against
 * tables only. A table pull answers upserts by key, but the engine reports its final answer as
 * `append`, so when the handle does not say `upsert` the FROM source (and joined sources) are
 * looked up: any table among them means table semantics.
 */
export function marksKeys(handle: Pick<QueryHandle, 'kind' | 'mode' | 'sql'>, catalog: CatalogView): boolean {
  if (handle.kind !== 'pull') return false;
  if (handle.mode === 'upsert') return true;
  const stmt = parseScript(handle.sql).statements[0];
  if (stmt?.kind !== 'SelectStmt') return false;
  return [stmt.from, ...stmt.joins.map((j) => j.right)].some(
    (relation) => catalog.source(relation.name.name)?.kind === 'TABLE',
  );
}
