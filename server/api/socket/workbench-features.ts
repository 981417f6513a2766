import type { EngineApi } from '../../engine/engine-api';
import type { Logger } from '../../log/logger';
import { catalogFeature } from './catalog-feature';
import { TopicRates, type QueryCounters } from './catalog-snapshot';
import { editorFeature } from './editor-feature';
import { HistoryRecorder } from './history-recorder';
import { queryFeature } from './query-feature';
import { RunRegistry } from './run-registry';
import { savedQueriesFeature } from './saved-queries-feature';
import type { RunHistoryService, SavedQueriesService } from './services';
import type { KappaSocket, SocketFeature } from './socket-server';
import { statementFeature } from './statement-feature';
import { topicTailFeature } from './topic-tail-feature';
import { DEFAULT_VIEWER_LIMITS, type ViewerLimits } from './viewer-channel';

export interface WorkbenchFeaturesOptions {
  readonly engine: EngineApi;
  readonly logger: Logger;
  /** Persistence; without it saved queries answer 50302 and runs are not recorded. */
  readonly savedQueries?: SavedQueriesService;
  readonly runHistory?: RunHistoryService;
  /** Per-query counters of the persistent queries running here (rates, errors) for the sidebar. */
  readonly queryCounters?: QueryCounters;
  readonly limits?: Partial<ViewerLimits>;
  /** Rows a late viewer (query:attach) receives to catch up. Default 1,000. */
  readonly replayRows?: number;
  readonly statusIntervalMs?: number;
  readonly now?: () => number;
}

/**
 * Every socket.io feature of the workbench, sharing one registry of runs (so that a run started
 * by one browser can be watched by another).
 */
export function workbenchFeatures(options: WorkbenchFeaturesOptions): SocketFeature[] {
  const logger = options.logger.child({ component: 'socket' });
  const now = options.now ?? Date.now;
  const registry = new RunRegistry();
  // History changes are announced to every browser, through the namespace of any connected socket.
  let namespace: KappaSocket['nsp'] | undefined;
  const history = new HistoryRecorder(options.runHistory, logger, () => namespace?.emit('history:changed'));
  const runDeps = {
    registry,
    logger,
    limits: { ...DEFAULT_VIEWER_LIMITS, ...options.limits },
    replayRows: options.replayRows ?? 1_000,
    statusIntervalMs: options.statusIntervalMs ?? 1_000,
    now,
  };
  const rates = new TopicRates(() => options.engine.topics(), now);
  return [
    (socket) => {
      namespace = socket.nsp;
    },
    queryFeature({ ...runDeps, engine: options.engine, history }),
    topicTailFeature({ ...runDeps, engine: options.engine }),
    catalogFeature({
      engine: options.engine,
      rates,
      logger,
      ...(options.queryCounters ? { counters: options.queryCounters } : {}),
    }),
    editorFeature({ engine: options.engine, logger }),
    statementFeature({ engine: options.engine, history, logger }),
    savedQueriesFeature({
      logger,
      ...(options.savedQueries ? { savedQueries: options.savedQueries } : {}),
      ...(options.runHistory ? { runHistory: options.runHistory } : {}),
    }),
  ];
}
