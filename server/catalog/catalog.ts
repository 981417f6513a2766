import type { SqlType } from '../types/sql-type';
import type { CatalogView } from '../bind/catalog-view';
import type { DataSource, PersistentQuery } from '../types/data-source';

export type { CatalogView };

/** The catalog's state. Snapshots are immutable; `CatalogDraft` makes a changed copy. */
export class Catalog implements CatalogView {
  static readonly EMPTY = new Catalog(new Map(), new Map(), new Map(), -1);

  private constructor(
    private readonly sourceMap: ReadonlyMap<string, DataSource>,
    private readonly typeMap: ReadonlyMap<string, SqlType>,
    private readonly queryMap: ReadonlyMap<string, PersistentQuery>,
    readonly lastOffset: number,
  ) {}

  get nextQueryNumber(): number {
    return this.lastOffset + 1;
  }

  source(name: string): DataSource | undefined {
    return this.sourceMap.get(name);
  }
  sources(): readonly DataSource[] {
    return [...this.sourceMap.values()];
  }
  type(name: string): SqlType | undefined {
    return this.typeMap.get(name);
  }
  types(): ReadonlyMap<string, SqlType> {
    return this.typeMap;
  }
  query(id: string): PersistentQuery | undefined {
    return this.queryMap.get(id);
  }
  queries(): readonly PersistentQuery[] {
    return [...this.queryMap.values()];
  }
  readersOf(sourceName: string): readonly PersistentQuery[] {
    return this.queries().filter((q) => q.sources.includes(sourceName));
  }
  writersOf(sourceName: string): readonly PersistentQuery[] {
    return this.queries().filter((q) => q.sink === sourceName);
  }

  /** A mutable copy; `build()` freezes it into a new snapshot. */
  draft(): CatalogDraft {
    return new CatalogDraft(
      new Map(this.sourceMap),
      new Map(this.typeMap),
      new Map(this.queryMap),
      this.lastOffset,
    );
  }

  /** @internal used by CatalogDraft */
  static fromParts(
    sources: Map<string, DataSource>,
    types: Map<string, SqlType>,
    queries: Map<string, PersistentQuery>,
    lastOffset: number,
  ): Catalog {
    return new Catalog(sources, types, queries, lastOffset);
  }
}

/**
 * A catalog being changed. Replaying thousands of commands goes through one draft, so replay costs
 * O(commands), not O(commands × catalog size).
 */
export class CatalogDraft {
  constructor(
    readonly sources: Map<string, DataSource>,
    readonly types: Map<string, SqlType>,
    readonly queries: Map<string, PersistentQuery>,
    public lastOffset: number,
  ) {}

  build(): Catalog {
    return Catalog.fromParts(
      new Map(this.sources),
      new Map(this.types),
      new Map(this.queries),
      this.lastOffset,
    );
  }
}
