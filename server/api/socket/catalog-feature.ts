import type { EngineApi } from '../../engine/engine-api';
import type { Logger } from '../../log/logger';
import { ackOnlyHandler } from './ack';
import { catalogSnapshot, type QueryCounters, type TopicRates } from './catalog-snapshot';
import type { SocketFeature } from './socket-server';

export interface CatalogFeatureDeps {
  readonly engine: Pick<EngineApi, 'catalog' | 'onCatalogChanged'>;
  readonly rates: TopicRates;
  readonly counters?: QueryCounters;
  readonly logger: Logger;
}

/**
 * catalog:get and topics:list, and the pushes that keep the sidebar live: `catalog:changed` and
 * `queries:changed` whenever a command is applied here, whichever engine wrote it.
 */
export function catalogFeature(deps: CatalogFeatureDeps): SocketFeature {
  return (socket) => {
    socket.on(
      'catalog:get',
      ackOnlyHandler(deps.logger, 'catalog:get', async () => {
        await deps.rates.topics().catch(() => undefined); // rates are a nicety; the catalog is not
        return catalogSnapshot(deps.engine.catalog(), deps.rates.current(), deps.counters);
      }),
    );
    socket.on(
      'topics:list',
      ackOnlyHandler(deps.logger, 'topics:list', () => deps.rates.topics()),
    );
    const unsubscribe = deps.engine.onCatalogChanged((commandSequenceNumber) => {
      socket.emit('catalog:changed', { commandSequenceNumber });
      socket.emit('queries:changed', { commandSequenceNumber });
    });
    socket.on('disconnect', unsubscribe);
  };
}
