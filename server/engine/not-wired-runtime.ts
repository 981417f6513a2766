import type { Logger } from '../log/logger';
import type { PlannedQuery, QueryRuntime } from './persistent-queries';

/**
 * Stands in for the Kafka query runtime until it is wired into main.ts: persistent queries are
 * in the catalog (and visible everywhere) but do not process records on this engine. Says so in
 * the log for every query it is asked to start, so nobody mistakes it for a working runtime.
 */
export class NotWiredQueryRuntime implements QueryRuntime {
  constructor(private readonly log: Logger) {}

  start(planned: PlannedQuery): void {
    this.log.warn(
      'persistent query execution is not wired yet: the query is in the catalog but does not run',
      {
        queryId: planned.query.id,
      },
    );
  }

  stop(): void {}
}
