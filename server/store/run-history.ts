import type { Database } from './database';

export type RunStatus = 'running' | 'completed' | 'cancelled' | 'failed';

export interface RunRecord {
  readonly id: string;
  readonly sql: string;
  readonly kind: string;
  readonly status: RunStatus;
  readonly startedAt: number;
  readonly durationMs: number | null;
  readonly rowCount: number;
  readonly errorCode: number | null;
  readonly errorMessage: string | null;
  readonly queryId: string | null;
}

const statuses: readonly RunStatus[] = ['running', 'completed', 'cancelled', 'failed'];

/** The workbench's run history: one row per statement run, with its outcome and duration. */
export class RunHistory {
  constructor(
    private readonly db: Database,
    private readonly keep = 5000,
  ) {}

  async start(input: { sql: string; kind: string; queryId?: string }): Promise<string> {
    const row = await this.db.queryRun.create({
      data: {
        sql: input.sql.slice(0, 100_000),
        kind: input.kind,
        status: 'running',
        queryId: input.queryId ?? null,
      },
    });
    return row.id;
  }

  async finish(
    id: string,
    outcome: {
      status: Exclude<RunStatus, 'running'>;
      rowCount: number;
      errorCode?: number;
      errorMessage?: string;
    },
  ): Promise<void> {
    const row = await this.db.queryRun.findUnique({ where: { id } });
    if (!row) return;
    const endedAt = new Date();
    await this.db.queryRun.update({
      where: { id },
      data: {
        status: outcome.status,
        endedAt,
        durationMs: endedAt.getTime() - row.startedAt.getTime(),
        rowCount: outcome.rowCount,
        errorCode: outcome.errorCode ?? null,
        errorMessage: outcome.errorMessage?.slice(0, 2000) ?? null,
      },
    });
  }

  async recent(limit = 100): Promise<RunRecord[]> {
    const rows = await this.db.queryRun.findMany({
      orderBy: { startedAt: 'desc' },
      take: Math.min(limit, 1000),
    });
    return rows.map((r) => ({
      id: r.id,
      sql: r.sql,
      kind: r.kind,
      status: statuses.includes(r.status as RunStatus) ? (r.status as RunStatus) : 'failed',
      startedAt: r.startedAt.getTime(),
      durationMs: r.durationMs,
      rowCount: r.rowCount,
      errorCode: r.errorCode,
      errorMessage: r.errorMessage,
      queryId: r.queryId,
    }));
  }

  /** Keeps the table bounded: history is useful, not an archive. */
  async prune(): Promise<number> {
    const cutoff = await this.db.queryRun.findMany({
      orderBy: { startedAt: 'desc' },
      skip: this.keep,
      take: 1,
      select: { startedAt: true },
    });
    const first = cutoff[0];
    if (!first) return 0;
    const result = await this.db.queryRun.deleteMany({ where: { startedAt: { lte: first.startedAt } } });
    return result.count;
  }
}
