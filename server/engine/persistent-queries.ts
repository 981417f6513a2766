import type { Catalog } from '../catalog/catalog';
import type { DataSource, PersistentQuery } from '../types/data-source';
import type { Logger } from '../log/logger';
import { planQuery } from '../plan/query-planner';
import type { QueryPlan } from '../plan/query-plan';
import { parseStatement } from '../sql';
import type { AppliedCommand, CatalogState, ReplayedCatalog } from './catalog-state';

/** A persistent query ready to run: its catalog entry, plan, and the sources it touches. */
export interface PlannedQuery {
  readonly query: PersistentQuery;
  readonly plan: QueryPlan;
  readonly sink: DataSource;
  /** The catalog the query was planned against (sources as they were when it was created). */
  readonly catalog: Catalog;
}

/** Runs persistent queries: in-process for the test driver, Kafka consumer groups in the product. */
export interface QueryRuntime {
  start(planned: PlannedQuery): void;
  stop(queryId: string): Promise<void> | void;
  pause?(queryId: string): void;
  resume?(queryId: string): void;
}

/**
 * Keeps the running persistent queries in step with the catalog: every engine applies the same
 * commands, so every engine starts the same queries (and Kafka's consumer groups split the work).
 * A query is planned against the catalog as it was just before its command — replay reproduces
 * what the original engine planned.
 */
export class PersistentQueryManager {
  private readonly planned = new Map<string, PlannedQuery>();
  private starting = false;

  constructor(
    private readonly state: CatalogState,
    private readonly runtime: QueryRuntime,
    private readonly log: Logger,
  ) {
    state.onApplied((applied) => this.onApplied(applied));
    state.onReplayed((replayed) => this.onReplayed(replayed));
  }

  /** Queries are planned during replay but started only once replay is complete. */
  startAll(): void {
    this.starting = true;
    for (const p of this.planned.values()) if (p.query.state === 'RUNNING') this.runtime.start(p);
  }

  get(queryId: string): PlannedQuery | undefined {
    return this.planned.get(queryId);
  }

  all(): PlannedQuery[] {
    return [...this.planned.values()];
  }

  /** A whole-log replay: plan every surviving query against what it was created over. */
  private onReplayed({ catalog, queryContexts }: ReplayedCatalog): void {
    for (const id of [...this.planned.keys()]) void this.stop(id);
    for (const query of catalog.queries()) {
      const planned = this.plan(query, queryContexts.get(query.id) ?? catalog, catalog);
      if (!planned) continue;
      this.planned.set(query.id, planned);
      if (this.starting && query.state === 'RUNNING') this.runtime.start(planned);
    }
  }

  private onApplied({ record, before, after, queryContext }: AppliedCommand): void {
    const c = record.command;
    switch (c.type) {
      case 'createAsSelect':
      case 'insertInto': {
        const previous = this.planned.get(c.query.id);
        if (previous) void this.stop(c.query.id);
        const planned = this.plan(c.query, queryContext ?? before, after);
        if (!planned) return;
        this.planned.set(c.query.id, planned);
        if (this.starting) this.runtime.start(planned);
        return;
      }
      case 'terminate':
        for (const id of c.queryIds) void this.stop(id);
        return;
      case 'dropSource':
        for (const id of this.planned.keys()) if (!after.query(id)) void this.stop(id);
        return;
      case 'pause':
        for (const id of c.queryIds) this.runtime.pause?.(id);
        return;
      case 'resume':
        for (const id of c.queryIds) this.runtime.resume?.(id);
        return;
      default:
        return;
    }
  }

  private async stop(id: string): Promise<void> {
    if (!this.planned.delete(id)) return;
    await this.runtime.stop(id);
  }

  private plan(query: PersistentQuery, before: Catalog, after: Catalog): PlannedQuery | undefined {
    const sink = after.source(query.sink);
    const stmt = parseStatement(query.sql).statement;
    if (!sink || !stmt || (stmt.kind !== 'CreateAsSelectStmt' && stmt.kind !== 'InsertIntoSelectStmt')) {
      this.log.error('cannot start persistent query: its statement does not parse', { queryId: query.id });
      return undefined;
    }
    try {
      const plan = planQuery(stmt.query, {
        catalog: before,
        types: (n) => before.type(n),
        persistent: true,
        sinkName: query.sink,
        properties: query.properties,
      });
      return { query, plan, sink, catalog: before };
    } catch (error) {
      this.log.error('cannot start persistent query: planning failed', { queryId: query.id, error });
      return undefined;
    }
  }
}
