/**
 * What the socket features need from persistence, declared here because server/api must not
 * import server/store: main.ts passes the Prisma-backed store, which fits these shapes.
 */
import type { RunRecord, SavedQuery } from '../../../lib/contracts/workbench';

export interface SavedQueriesService {
  list(search?: string): Promise<SavedQuery[]>;
  save(input: {
    id?: string;
    name: string;
    sql: string;
    settings?: Record<string, unknown>;
  }): Promise<SavedQuery>;
  rename(id: string, name: string): Promise<SavedQuery>;
  remove(id: string): Promise<boolean>;
}

export type FinishedRunStatus = 'completed' | 'cancelled' | 'failed';

export interface RunHistoryService {
  /** Records a run as started; resolves with its history id. */
  start(input: { sql: string; kind: string; queryId?: string }): Promise<string>;
  finish(
    id: string,
    outcome: { status: FinishedRunStatus; rowCount: number; errorCode?: number; errorMessage?: string },
  ): Promise<void>;
  recent(limit?: number): Promise<RunRecord[]>;
}
