import { ErrorCodes } from '../../../lib/contracts/errors';
import { bindError } from '../../bind/bind-error';
import { KappaError } from '../../errors/kappa-error';
import { checkPullQuery, pullSettings } from '../../plan/pull-rules';
import { planQuery } from '../../plan/query-planner';
import { parseScript } from '../../sql';
import type { Catalog } from '../../catalog/catalog';
import type { CatalogState } from '../catalog-state';
import type { QueryOptions } from '../engine-api';
import type { Clock } from '../services';
import { PrintQuery } from './print-query';
import { PullQuery } from './pull-query';
import { PushQuery } from './push-query';
import type { QueryHandle } from './query-handle';
import { offsetReset } from './query-properties';
import type { RecordSource } from '../../kafka/record-source';
import { transientQueryId } from './transient-ids';

export interface TransientQueryOptions {
  /** ksqlDB's `ksql.max.push.queries` (default 100); more gives 40003. */
  readonly maxPushQueries: number;
  /** Where a push query starts when the request does not say (ksqlDB: latest). */
  readonly defaultOffsetReset: 'earliest' | 'latest';
  /**
   * Waits (bounded) until the persistent queries writing these sources have processed their
   * inputs, so a pull query reads its own writes (QueryCatchUp). Absent: pull queries read at once.
   */
  readonly catchUp?: (catalog: Catalog, sources: readonly string[]) => Promise<unknown>;
}

/** Push, pull and PRINT queries running on this engine. */
export class TransientQueries {
  private readonly running = new Map<string, QueryHandle>();

  constructor(
    private readonly state: CatalogState,
    private readonly source: RecordSource,
    private readonly clock: Clock,
    private readonly options: TransientQueryOptions,
  ) {}

  async query(sql: string, options: QueryOptions = {}): Promise<QueryHandle> {
    if (options.commandSequenceNumber !== undefined) {
      await this.state.waitFor(options.commandSequenceNumber, 5000).catch(() => {
        throw new KappaError(
          ErrorCodes.COMMAND_QUEUE_CATCHUP_TIMEOUT,
          'Timed out while waiting for a previous command to execute.',
        );
      });
    }
    const { statements, diagnostics } = parseScript(sql, { variables: { ...options.variables } });
    const error = diagnostics.find((d) => d.severity === 'error');
    if (error)
      throw new KappaError(ErrorCodes.BAD_STATEMENT, error.message, {
        diagnostics,
        statementText: sql.trim(),
      });
    if (statements.length !== 1) {
      throw new KappaError(
        ErrorCodes.BAD_STATEMENT,
        `Expected exactly one query, got ${statements.length} statements.`,
        { statementText: sql.trim() },
      );
    }
    const stmt = statements[0]!;
    const properties = options.properties ?? {};
    const remove = (id: string): void => {
      this.running.delete(id);
    };
    const now = this.clock.now();
    try {
      if (stmt.kind === 'PrintStmt') {
        const handle = new PrintQuery(
          transientQueryId('PRINT'),
          stmt.text,
          {
            topic: stmt.topic.value,
            fromBeginning: stmt.fromBeginning,
            ...(stmt.interval !== undefined ? { interval: stmt.interval } : {}),
            ...(stmt.limit !== undefined ? { limit: stmt.limit } : {}),
            ...tailStart(properties),
          },
          this.source,
          remove,
          now,
        );
        this.checkPushLimit();
        await handle.open();
        this.running.set(handle.id, handle);
        return handle;
      }
      if (stmt.kind !== 'SelectStmt') {
        throw bindError(
          `Only SELECT and PRINT statements can be run as queries; use /ksql for ${stmt.text.split(/\s+/)[0] ?? 'this statement'}.`,
          stmt.span,
        );
      }
      const catalog = this.state.catalog();
      if (stmt.emit === undefined) {
        checkPullQuery(stmt, catalog.source(stmt.from.name.name), pullSettings(properties));
      } else if (stmt.limit !== undefined && stmt.limit < 0) {
        throw bindError("Push queries don't support negative integers in the LIMIT clause.", stmt.span);
      }
      const plan = planQuery(stmt, { catalog, types: (n) => catalog.type(n), persistent: false });
      const id = transientQueryId(plan.sources[0] ?? 'QUERY');
      if (stmt.emit === undefined) {
        if (stmt.partitionBy)
          throw bindError("Pull queries don't support PARTITION BY clauses.", stmt.partitionBy.span);
        const caughtUp = this.options.catchUp?.(catalog, plan.sources);
        const pull = new PullQuery(
          id,
          stmt.text,
          plan,
          this.source,
          stmt.orderBy,
          stmt.offset,
          remove,
          now,
          caughtUp,
        );
        this.running.set(id, pull);
        return pull;
      }
      if (stmt.orderBy || stmt.offset !== undefined) {
        throw bindError(
          'ORDER BY and OFFSET are only supported on pull queries (without EMIT CHANGES).',
          stmt.span,
        );
      }
      this.checkPushLimit();
      const push = new PushQuery(
        id,
        stmt.text,
        plan,
        this.source,
        offsetReset(properties, this.options.defaultOffsetReset),
        remove,
        now,
      );
      await push.open();
      this.running.set(id, push);
      return push;
    } catch (e) {
      if (e instanceof KappaError) {
        throw new KappaError(e.code, e.message, {
          ...e.options,
          statementText: e.options.statementText ?? stmt.text,
        });
      }
      throw new KappaError(ErrorCodes.BAD_STATEMENT, e instanceof Error ? e.message : String(e), {
        statementText: stmt.text,
        cause: e,
      });
    }
  }

  private checkPushLimit(): void {
    const push = [...this.running.values()].filter((q) => q.kind !== 'pull').length;
    if (push >= this.options.maxPushQueries) {
      throw new KappaError(
        ErrorCodes.TOO_MANY_PUSH_QUERIES,
        `Not executing query since the maximum number of push queries (${this.options.maxPushQueries}) has been reached. Terminate some queries or raise the limit.`,
      );
    }
  }

  async close(id: string): Promise<boolean> {
    const q = this.running.get(id);
    if (!q) return false;
    await q.close();
    return true;
  }

  list(): readonly QueryHandle[] {
    return [...this.running.values()];
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.running.values()].map((q) => q.close()));
  }
}

/**
 * The workbench's topic tail asks PRINT to start at an offset or a time through these properties;
 * the reader then seeks there rather than reading the topic from the beginning.
 */
function tailStart(properties: Readonly<Record<string, string>>): {
  fromOffset?: number;
  fromTimestamp?: number;
} {
  const offset = Number(properties['kappa.tail.from.offset']);
  const timestamp = Number(properties['kappa.tail.from.timestamp']);
  return {
    ...(properties['kappa.tail.from.offset'] !== undefined && Number.isSafeInteger(offset) && offset >= 0
      ? { fromOffset: offset }
      : {}),
    ...(properties['kappa.tail.from.timestamp'] !== undefined && Number.isSafeInteger(timestamp)
      ? { fromTimestamp: timestamp }
      : {}),
  };
}
