import { StatementExecuteRequestSchema } from '../../../lib/contracts/workbench';
import type { EngineApi } from '../../engine/engine-api';
import { toKappaError } from '../../errors/kappa-error';
import type { Logger } from '../../log/logger';
import { ackHandler } from './ack';
import type { HistoryRecorder } from './history-recorder';
import { stringProperties } from './run-errors';
import type { SocketFeature } from './socket-server';

export interface StatementFeatureDeps {
  readonly engine: Pick<EngineApi, 'execute'>;
  readonly history: HistoryRecorder;
  readonly logger: Logger;
}

/**
 * statement:execute: the sidebar's one-click actions (DESCRIBE, EXPLAIN, TERMINATE, INSERT …
 * VALUES) answered with ksqlDB entities through the ack. Recorded in the history like any run.
 */
export function statementFeature(deps: StatementFeatureDeps): SocketFeature {
  return (socket) => {
    socket.on(
      'statement:execute',
      ackHandler(StatementExecuteRequestSchema, deps.logger, 'statement:execute', async (request) => {
        const recorded = deps.history.start(request.sql, 'statement');
        try {
          const entities = await deps.engine.execute(request.sql, {
            properties: stringProperties(request.properties),
            variables: request.variables,
          });
          recorded.finish({ status: 'completed', rowCount: 0 });
          return { entities };
        } catch (error) {
          const kappa = toKappaError(error);
          recorded.finish({
            status: 'failed',
            rowCount: 0,
            errorCode: kappa.code,
            errorMessage: kappa.message,
          });
          throw kappa;
        }
      }),
    );
  };
}
