/**
 * What completion and diagnostics may know about the session: a read-only view the caller builds
 * from its catalog snapshot. Names are as the catalog stores them (normalized: upper case unless the
 * source was created with a quoted name).
 */
export interface CompletionCatalog {
  readonly sources: readonly CatalogSource[];
  readonly functions: readonly CatalogFunction[];
  /** Custom type names (CREATE TYPE). */
  readonly types: readonly string[];
  /** Running query ids, offered after TERMINATE / EXPLAIN / PAUSE / RESUME. */
  readonly queries?: readonly string[];
  /** Kafka topic names, offered after PRINT. */
  readonly topics?: readonly string[];
  /** Session variables: offered as `${name}` and used for substitution by `diagnose`. */
  readonly variables?: Readonly<Record<string, string>>;
}

export interface CatalogSource {
  readonly name: string;
  readonly kind: 'STREAM' | 'TABLE';
  readonly columns: readonly CatalogColumn[];
}

export interface CatalogColumn {
  readonly name: string;
  /** SQL type text, e.g. `BIGINT` or `ARRAY<STRING>`. */
  readonly type: string;
  readonly key?: boolean;
}

export interface CatalogFunction {
  readonly name: string;
  readonly description?: string;
  /** e.g. `SUBSTRING(str STRING, pos INT, len INT) -> STRING`. */
  readonly signatures: readonly string[];
  readonly kind?: 'scalar' | 'aggregate' | 'table';
}

export const EMPTY_CATALOG: CompletionCatalog = { sources: [], functions: [], types: [] };
