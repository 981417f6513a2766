import type { Logger } from '../../log/logger';
import type { FinishedRunStatus, RunHistoryService } from './services';

export interface RecordedRun {
  finish(outcome: {
    status: FinishedRunStatus;
    rowCount: number;
    errorCode?: number;
    errorMessage?: string;
  }): void;
}

/**
 * Records runs in the history without ever holding a run up or failing it: the database write
 * happens beside the run, and a failed write is logged, not shown to the user.
 */
export class HistoryRecorder {
  constructor(
    private readonly service: RunHistoryService | undefined,
    private readonly logger: Logger,
    private readonly changed: () => void,
  ) {}

  start(sql: string, kind: string): RecordedRun {
    const service = this.service;
    if (!service) return { finish: () => undefined };
    const id = service.start({ sql, kind }).then(
      (value) => {
        this.changed();
        return value;
      },
      (error: unknown) => {
        this.logger.warn('run history write failed', { error });
        return undefined;
      },
    );
    let finished = false;
    return {
      finish: (outcome) => {
        if (finished) return;
        finished = true;
        void id.then(async (historyId) => {
          if (historyId === undefined) return;
          try {
            await service.finish(historyId, outcome);
            this.changed();
          } catch (error) {
            this.logger.warn('run history write failed', { error });
          }
        });
      },
    };
  }
}
