import type { QueryOptions } from '../engine-api';
import type { QueryHandle } from './query-handle';

/**
 * What the engine object needs from the transient-query service (push, pull and PRINT queries on
 * this engine). KappaEngine delegates `query`, `closeQuery` and `transientQueries` to it; SHOW
 * QUERIES lists its handles and TERMINATE transient_… closes them.
 */
export interface TransientQueriesApi {
  query(sql: string, options: QueryOptions): Promise<QueryHandle>;
  /** False when no query has that id. */
  close(id: string): Promise<boolean>;
  list(): readonly QueryHandle[];
}
