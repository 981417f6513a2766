import type { DataSource, PersistentQuery } from '../types/data-source';
import type { SqlType } from '../types/sql-type';

/**
 * What the binder and planner may know about the catalog: one immutable snapshot per statement
 * (ksqlDB's `MetaStore.copy()`, DataFusion's `ContextProvider`). Names are normalized already.
 */
export interface CatalogView {
  source(name: string): DataSource | undefined;
  sources(): readonly DataSource[];
  type(name: string): SqlType | undefined;
  types(): ReadonlyMap<string, SqlType>;
  query(id: string): PersistentQuery | undefined;
  queries(): readonly PersistentQuery[];
  /** Queries that read `sourceName`. */
  readersOf(sourceName: string): readonly PersistentQuery[];
  /** Queries that write `sourceName`. */
  writersOf(sourceName: string): readonly PersistentQuery[];
  /** The suffix the next persistent query id gets (ksqlDB: last applied command offset + 1). */
  readonly nextQueryNumber: number;
  /** Offset of the last command applied, -1 for an empty log. */
  readonly lastOffset: number;
}
